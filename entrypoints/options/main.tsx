import { mountPage } from '../../src/ui/mount';
import { Options } from '../../src/ui/options/Options';

mountPage(<Options />);
