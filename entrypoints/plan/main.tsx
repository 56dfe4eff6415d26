import { mountPage } from '../../src/ui/mount';
import { PlanPage } from '../../src/ui/plan/PlanPage';

mountPage(<PlanPage />);
