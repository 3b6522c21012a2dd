// The four resource packs of a class I teach, with the switch that shows an assessment resource to its learners.
import { startPage } from '../shared/page.js';
import { showPacks } from '../shared/packs.js';

startPage('packs.title', 'TEACHER');
showPacks();
