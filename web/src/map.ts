import { Delaunay } from 'd3-delaunay';
import { scaleLinear, scaleSequential } from 'd3-scale';
import { interpolateYlGnBu } from 'd3-scale-chromatic';
import { html, type SafeHtml } from './html';
import type { SchoolPoints } from './school-points-format';

let points: Promise<SchoolPoints> | undefined;

/** The static points file the build makes from the GIAS download (positions change only with a GIAS load). */
export function schoolPoints(): Promise<SchoolPoints> {
  points ??= fetch('/data/school-points.json').then((response) => response.json() as Promise<SchoolPoints>);
  return points;
}

export interface MapOptions {
  points: SchoolPoints;
  /** The figure that shades each local authority, by its code; a code with none is drawn grey. */
  shade: ReadonlyMap<string, number>;
  /** Which schools are drawn as dots (index into points); all when not given. */
  dots?: (index: number) => boolean;
  /** Teaching schools, by easting and northing, marked over the dots. */
  teachingSchools: readonly { easting: number; northing: number }[];
  /** Draw only this local authority's surroundings, the rest faded. */
  focus?: string;
  width: number;
  height: number;
  /** Called with a local authority's code when its area is clicked. */
  onPick?: (code: string) => void;
}

/** How far from its schools an area is drawn: wider for England, so areas read as areas, not as dots. */
const NATIONAL_REACH_METRES = 9_000;
const LOCAL_REACH_METRES = 3_000;

/**
 * England drawn from the schools' own points. Each local authority's area is the union of the Voronoi cells of its
 * schools (d3-delaunay), trimmed to a few kilometres around them so the sea stays empty: no boundary file is needed,
 * areas follow where schools actually are, and a click anywhere finds the nearest school and so its authority.
 * Everything is drawn once to a canvas: about half a second for 25,000 cells and dots in software-rendered Chromium.
 */
export function drawMap(canvas: HTMLCanvasElement, options: MapOptions): { legendDomain: [number, number] } {
  const { points: p, width, height } = options;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const context = canvas.getContext('2d');
  if (!context) return { legendDomain: [0, 1] };
  context.scale(ratio, ratio);

  const focusIndex = options.focus ? p.localAuthorities.indexOf(options.focus) : -1;
  const inView = (i: number) => focusIndex < 0 || p.la[i] === focusIndex;
  const bounds = { minE: Infinity, maxE: -Infinity, minN: Infinity, maxN: -Infinity };
  p.easting.forEach((e, i) => {
    if (!inView(i)) return;
    const n = p.northing[i] ?? 0;
    bounds.minE = Math.min(bounds.minE, e);
    bounds.maxE = Math.max(bounds.maxE, e);
    bounds.minN = Math.min(bounds.minN, n);
    bounds.maxN = Math.max(bounds.maxN, n);
  });
  const pad = focusIndex < 0 ? 2_000 : 6_000;
  const spanE = bounds.maxE - bounds.minE + 2 * pad;
  const spanN = bounds.maxN - bounds.minN + 2 * pad;
  const metres = Math.max(spanE / width, spanN / height);
  const x = scaleLinear()
    .domain([bounds.minE - pad, bounds.minE - pad + metres * width])
    .range([0, width]);
  const y = scaleLinear()
    .domain([bounds.maxN + pad, bounds.maxN + pad - metres * height])
    .range([0, height]);

  const count = p.urn.length;
  const coordinates = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    coordinates[2 * i] = x(p.easting[i] ?? 0);
    coordinates[2 * i + 1] = y(p.northing[i] ?? 0);
  }
  const delaunay = new Delaunay(coordinates);
  const voronoi = delaunay.voronoi([0, 0, width, height]);

  const values = [...options.shade.values()];
  const domain: [number, number] = [Math.min(0, ...values), Math.max(1, ...values)];
  const colour = scaleSequential(interpolateYlGnBu).domain(domain);
  const byLa = p.localAuthorities.map((code) => options.shade.get(code));

  context.clearRect(0, 0, width, height);
  // One path per local authority (and per faded or not): a few hundred fills rather than 25,000.
  const groups = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    const key = `${p.la[i] ?? 0}:${inView(i) ? 1 : 0}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  for (const [key, members] of groups) {
    const [la, visible] = key.split(':').map(Number);
    const value = byLa[la ?? 0];
    context.beginPath();
    for (const i of members) voronoi.renderCell(i, context);
    // A single local authority is drawn in one light colour, so its schools' dots stay visible.
    context.fillStyle = value === undefined ? '#dddddd' : focusIndex >= 0 ? '#9cc3e6' : colour(value);
    context.globalAlpha = visible ? 1 : 0.35;
    context.fill();
  }
  context.globalAlpha = 1;
  const radius = (focusIndex < 0 ? NATIONAL_REACH_METRES : LOCAL_REACH_METRES) / metres;
  keepNear(context, coordinates, Math.min(radius * ratio, 40), ratio);

  context.fillStyle = 'rgba(11, 12, 12, 0.5)';
  const dot = focusIndex < 0 ? 0.8 : 1.6;
  context.beginPath();
  for (let i = 0; i < count; i++) {
    if (options.dots && !options.dots(i)) continue;
    context.rect((coordinates[2 * i] ?? 0) - dot / 2, (coordinates[2 * i + 1] ?? 0) - dot / 2, dot, dot);
  }
  context.fill();
  context.fillStyle = '#d4351c';
  context.strokeStyle = '#ffffff';
  context.lineWidth = 0.75;
  const mark = focusIndex < 0 ? 2 : 4;
  context.beginPath();
  for (const school of options.teachingSchools) {
    const cx = x(school.easting);
    const cy = y(school.northing);
    context.moveTo(cx + mark, cy);
    context.arc(cx, cy, mark, 0, 2 * Math.PI);
  }
  context.fill();
  context.stroke();

  canvas.dataset.drawn = 'true';
  if (options.onPick) {
    const pick = options.onPick;
    canvas.style.cursor = 'pointer';
    canvas.onclick = (event) => {
      const box = canvas.getBoundingClientRect();
      const nearest = delaunay.find(event.clientX - box.left, event.clientY - box.top);
      const code = p.localAuthorities[p.la[nearest] ?? -1];
      if (code) pick(code);
    };
  }
  return { legendDomain: domain };
}

/**
 * Clears everything further than `radius` (device pixels) from every school, so the sea stays empty. Built as a
 * bitmap in JavaScript: one canvas path of 25,000 circles takes software-rendered Chromium half a minute.
 */
function keepNear(context: CanvasRenderingContext2D, coordinates: Float64Array, radius: number, ratio: number): void {
  const { width, height } = context.canvas;
  const mask = new ImageData(width, height);
  const r = Math.ceil(radius);
  const r2 = radius * radius;
  for (let i = 0; i < coordinates.length / 2; i++) {
    const cx = Math.round((coordinates[2 * i] ?? 0) * ratio);
    const cy = Math.round((coordinates[2 * i + 1] ?? 0) * ratio);
    if (cx < -r || cy < -r || cx > width + r || cy > height + r) continue;
    for (let dy = -r; dy <= r; dy++) {
      const y = cy + dy;
      if (y < 0 || y >= height) continue;
      const span = Math.floor(Math.sqrt(Math.max(0, r2 - dy * dy)));
      for (let x = Math.max(0, cx - span); x <= Math.min(width - 1, cx + span); x++)
        mask.data[(y * width + x) * 4 + 3] = 255;
    }
  }
  const layer = document.createElement('canvas');
  layer.width = width;
  layer.height = height;
  layer.getContext('2d')?.putImageData(mask, 0, 0);
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.globalCompositeOperation = 'destination-in';
  context.drawImage(layer, 0, 0);
  context.restore();
}

/** The colour key: the same scale as the map, as a bar with its ends and middle labelled. */
export function legend(label: string, domain: [number, number], format: (value: number) => string): SafeHtml {
  const colour = scaleSequential(interpolateYlGnBu).domain(domain);
  const stops = Array.from({ length: 11 }, (_, i) => colour(domain[0] + ((domain[1] - domain[0]) * i) / 10));
  const middle = (domain[0] + domain[1]) / 2;
  return html`<figure class="app-legend" aria-label="Key">
    <figcaption class="govuk-body-s govuk-!-margin-bottom-1">${label}</figcaption>
    <div class="app-legend__bar" style="background: linear-gradient(to right, ${stops.join(', ')})"></div>
    <div class="app-legend__ticks govuk-body-s">
      <span>${format(domain[0])}</span><span>${format(middle)}</span><span>${format(domain[1])}</span>
    </div>
    <p class="govuk-body-s govuk-!-margin-top-1">
      <span class="app-legend__dot"></span> a school &nbsp;
      <span class="app-legend__mark"></span> a teaching school &nbsp;
      <span class="app-legend__none"></span> no figure
    </p>
  </figure>`;
}
