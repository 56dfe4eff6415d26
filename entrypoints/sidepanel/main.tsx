import { mountPage } from '../../src/ui/mount';
import { Sidebar } from '../../src/ui/sidebar/Sidebar';

mountPage(<Sidebar />);
