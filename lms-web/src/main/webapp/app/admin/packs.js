// The four resource packs of a class, for an administrator.
import { startPage } from '../shared/page.js';
import { showPacks } from '../shared/packs.js';

startPage('packs.title', 'ADMINISTRATOR');
showPacks();
