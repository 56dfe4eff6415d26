import { mountPage } from '../../src/ui/mount';
import { PopupShell } from '../../src/ui/popup/PopupShell';

mountPage(<PopupShell />);
