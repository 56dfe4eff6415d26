import { mountPage } from '../../src/ui/mount';
import { Welcome } from '../../src/ui/welcome/Welcome';

mountPage(<Welcome />);
