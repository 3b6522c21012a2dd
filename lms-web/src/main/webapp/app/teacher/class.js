// The hours ledger of one of my classes.
import { startPage } from '../shared/page.js';
import { showClassLedger } from '../shared/class-ledger.js';

startPage('adminClass.title', 'TEACHER');
showClassLedger();
