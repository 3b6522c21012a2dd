// My learning archive (学习档案) in one of my classes.
import { account } from '../shared/api.js';
import { showArchive } from '../shared/archive.js';
import { param, startPage } from '../shared/page.js';

startPage('archive.title', 'LEARNER');
showArchive(param('class'), account().id);
