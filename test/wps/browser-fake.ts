// Bundled for the browser by build.test.ts: stands in for WPS inside the task pane page — the global
// `Application` (and `wps`) is the ET stand-in holding the sample county's ledger.
import { ledgerGrid, sampleSchoolRows } from '../../src/sample/generate.ts';
import { LEDGER_TITLE } from '../../src/sample/schools.ts';
import { StandinApp } from './et-standin.ts';

const app = new StandinApp(['填表说明', '台账']);
app.sheet('台账').load(ledgerGrid(LEDGER_TITLE, sampleSchoolRows()));
app.activeSheet = app.sheet('台账');
Object.assign(globalThis, { Application: app, wps: app });
