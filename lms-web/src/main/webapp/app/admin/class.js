// The hours ledger of a class, for an administrator.
import { startPage } from '../shared/page.js';
import { showClassLedger } from '../shared/class-ledger.js';

startPage('adminClass.title', 'ADMINISTRATOR');
showClassLedger();
