import { mountPage } from '../../src/ui/mount';
import { AfterOverdosePage } from '../../src/ui/after-overdose/AfterOverdosePage';

mountPage(<AfterOverdosePage />);
