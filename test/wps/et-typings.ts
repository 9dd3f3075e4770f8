// Checked by `npm run typecheck`, not run: every ET member WpsHost relies on (src/hosts/wps/et.ts) must be a
// member of the same object in Kingsoft's official typings, et-jsapi-declare@2.5.0 lib.et.d.ts. A misspelt or
// invented member (say `Range.Comments`) fails the type check.
// The typings are a global script (declare namespace Et), not a module, so they cannot be imported.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../node_modules/et-jsapi-declare/lib.et.d.ts" />
import type { EtApplication, EtComment, EtInterior, EtRange, EtWorksheet, EtWorksheets } from '../../src/hosts/wps/et.ts';

type Within<Ours, Theirs> = Exclude<keyof Ours, keyof Theirs> extends never ? true : Exclude<keyof Ours, keyof Theirs>;
type Assert<T extends true> = T;

export type EtTypingsCheck = [
  Assert<Within<EtApplication, Et.Application>>,
  Assert<Within<EtWorksheets, Et.Worksheets>>,
  Assert<Within<EtWorksheet, Et.Worksheet>>,
  Assert<Within<EtRange, Et.Range>>,
  Assert<Within<EtInterior, Et.Interior>>,
  Assert<Within<EtComment, Et.Comment>>,
  Assert<Within<EtRange['Font'], Et.Font>>,
  Assert<Within<EtWorksheet['Hyperlinks'], Et.Hyperlinks>>,
  Assert<Within<EtRange['Rows'], Et.Range>>,
];
