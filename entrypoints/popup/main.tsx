import { mountPage } from '../../src/ui/mount';
import { Popup } from '../../src/ui/popup/Popup';

mountPage(<Popup />);
