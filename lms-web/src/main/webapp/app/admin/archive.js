// A learner's learning archive (学习档案), as a teacher of the class or an administrator reads it.
import { showArchive } from '../shared/archive.js';
import { param, startPage } from '../shared/page.js';

startPage('archive.title', 'ADMINISTRATOR', 'TEACHER');
showArchive(param('class'), param('learner'));
