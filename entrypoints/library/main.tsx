import { mountPage } from '../../src/ui/mount';
import { Library } from '../../src/ui/library/Library';

mountPage(<Library />);
