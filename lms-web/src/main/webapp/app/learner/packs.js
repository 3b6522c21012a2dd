// A class of mine, its four resource packs (学习资源, 考核资源 shown by the teachers, 信息资源; 教学资源 named, for teachers only).
import { startPage } from '../shared/page.js';
import { showPacks } from '../shared/packs.js';

startPage('packs.title', 'LEARNER');
showPacks();
