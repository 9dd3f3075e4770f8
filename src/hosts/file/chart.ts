// The report's chart as DrawingML: a clustered column per stage's CVs with each stage's limit as a line over
// them, drawn from the chart-data table of the report sheet (formulas to it, plus cached values so a viewer
// that does not recalculate still draws it), in a drawing anchored where the plan says.
import type { ReportSheetPlan } from '../../core/plan.ts';
import { columnLetter, parseRange } from '../../model/a1.ts';
import { NS, relativeTarget, type Package, type SheetEntry } from './package.ts';
import { esc, xstr } from './xml.ts';

const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
/** Bars in the stage's colour, its limit a dashed line in a darker shade of it. */
const COLOURS = { bar: ['5B9BD5', '70AD47'], line: ['C00000', '7030A0'] };

/** The cells of a one-column range of the plan's grid. */
function cellsOf(plan: ReportSheetPlan, range: string): (string | number | boolean | null)[] {
  const r = parseRange(range);
  if (!r) return [];
  const out: (string | number | boolean | null)[] = [];
  for (let row = r.r1; row <= r.r2; row++) out.push(plan.rows[row - 1]?.[r.c1 - 1]?.v ?? null);
  return out;
}

const absolute = (sheet: string, range: string): string => {
  const r = parseRange(range)!;
  return `'${sheet.replace(/'/g, "''")}'!$${columnLetter(r.c1)}$${r.r1}:$${columnLetter(r.c2)}$${r.r2}`;
};

function strCache(values: unknown[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${xstr(String(v ?? ''))}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: unknown[]): string {
  const pts = values.flatMap((v, i) => (typeof v === 'number' && Number.isFinite(v) ? [`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`] : []));
  return `<c:numCache><c:formatCode>0.000</c:formatCode><c:ptCount val="${values.length}"/>${pts.join('')}</c:numCache>`;
}

function series(plan: ReportSheetPlan, k: number, s: { name: string; values: string }, line: boolean, colour: string): string {
  const chart = plan.chart!;
  const cats = cellsOf(plan, chart.categories);
  const look = line
    ? `<c:spPr><a:ln w="22225"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
    : `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
  return (
    `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx><c:v>${xstr(s.name)}</c:v></c:tx>${look}` +
    `<c:cat><c:strRef><c:f>${esc(absolute(plan.name, chart.categories))}</c:f>${strCache(cats)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(absolute(plan.name, s.values))}</c:f>${numCache(cellsOf(plan, s.values))}</c:numRef></c:val>` +
    (line ? '<c:smooth val="0"/>' : '') +
    `</c:ser>`
  );
}

export function chartXml(plan: ReportSheetPlan): string {
  const chart = plan.chart!;
  const bars: string[] = [];
  const lines: string[] = [];
  let bar = 0;
  let line = 0;
  chart.series.forEach((s, k) => {
    if (s.name.includes('限值')) lines.push(series(plan, k, s, true, COLOURS.line[line++ % 2]));
    else bars.push(series(plan, k, s, false, COLOURS.bar[bar++ % 2]));
  });
  const axes = '<c:axId val="50010001"/><c:axId val="50010002"/>';
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    (bars.length ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${bars.join('')}<c:gapWidth val="80"/>${axes}</c:barChart>` : '') +
    (lines.length ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines.join('')}<c:marker val="1"/>${axes}</c:lineChart>` : '') +
    `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:title><c:tx><c:rich><a:bodyPr rot="-5400000" vert="horz"/><a:lstStyle/><a:p><a:r><a:rPr lang="zh-CN"/><a:t>差异系数</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:numFmt formatCode="0.00" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="等线"/><a:ea typeface="等线"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr></c:chartSpace>`
  );
}

function drawingXml(anchor: string, chartRelId: string): string {
  const at = parseRange(anchor)!;
  const [col, row] = [at.c1 - 1, at.r1 - 1];
  const pos = (c: number, r: number) => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${A}">` +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${pos(col, row)}</xdr:from><xdr:to>${pos(col + 9, row + 20)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="差异系数图表"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}">` +
    `<c:chart xmlns:c="${C}" xmlns:r="${NS.rel}" r:id="${chartRelId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/**
 * Adds the plan's chart for our report sheet: a drawing part, a chart part, their relationships and types. The
 * r:id of the drawing, for the sheet's <drawing> element (written with the sheet), or undefined for no chart.
 */
export function addReportChart(pkg: Package, sheet: SheetEntry, plan: ReportSheetPlan): string | undefined {
  if (!plan.chart || !parseRange(plan.chart.anchor) || !parseRange(plan.chart.categories)) return undefined;
  const drawing = pkg.freeName('xl/drawings/drawing', '.xml');
  const chart = pkg.freeName('xl/charts/chart', '.xml');
  pkg.set(chart, chartXml(plan));
  pkg.setContentType(chart, CHART_TYPE);
  pkg.set(drawing, '');
  const chartRel = pkg.addRel(drawing, NS.chart, relativeTarget(drawing, chart));
  pkg.set(drawing, drawingXml(plan.chart.anchor, chartRel));
  pkg.setContentType(drawing, DRAWING_TYPE);
  return pkg.addRel(sheet.path, NS.drawing, relativeTarget(sheet.path, drawing));
}
