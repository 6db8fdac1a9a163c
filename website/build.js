'use strict';
// Builds the citizen website into build/website: the server entry that renders the pages, the
// islands (the scripts of the pages that need one, named by content hash and cached forever by
// browsers), the map's own script and stylesheet (loaded only where a map is shown), the HTML
// template with the stylesheet inside, and brotli and gzip copies of every text file so the server
// sends them without compressing per request.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const esbuild = require('esbuild');

const SRC = __dirname;
const OUT = path.join(SRC, '..', 'build', 'website');
const TEXT = /\.(js|css|html|json|svg|txt)$/;

async function main() {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(path.join(OUT, 'assets'), { recursive: true });

  // Pages are Preact components (TSX), rendered on the server and hydrated in the browser.
  const jsx = { jsx: 'automatic', jsxImportSource: 'preact' };
  const common = { bundle: true, minify: true, write: false, target: 'es2019', logLevel: 'warning', legalComments: 'none', charset: 'utf8', ...jsx };

  // Leaflet (about 40 KB compressed) is needed only where a map is shown: it gets its own script and
  // stylesheet, which the site script loads on demand, so the home page never pays for it.
  const map = await esbuild.build({
    ...common,
    entryPoints: { map: path.join(SRC, 'src', 'map.ts') },
    format: 'iife',
    outdir: path.join(OUT, 'assets'),
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.png': 'file' }, // leaflet.css names its control images; they are copied, hashed, and load only if used
  });
  const mapAssets = {};
  for (const f of map.outputFiles) {
    fs.writeFileSync(f.path, f.contents);
    const ext = path.extname(f.path).slice(1);
    if (ext === 'js' || ext === 'css') mapAssets[ext] = `/assets/${path.basename(f.path)}`;
  }
  if (!mapAssets.js || !mapAssets.css) throw new Error('the map bundle lacks its script or stylesheet');

  // Islands: one entry per file in src/islands, as ES modules split into shared chunks, so a page
  // loads only its own islands and what they share (Preact, the translations) once.
  const islandDir = path.join(SRC, 'src', 'islands');
  const entryPoints = Object.fromEntries(
    fs
      .readdirSync(islandDir)
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => [f.replace(/\.tsx?$/, ''), path.join(islandDir, f)])
  );
  const islands = await esbuild.build({
    ...common,
    entryPoints,
    format: 'esm',
    splitting: true,
    metafile: true,
    outdir: path.join(OUT, 'assets'),
    entryNames: 'island-[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    define: { __MAP_ASSETS__: JSON.stringify(mapAssets) },
  });
  const islandAssets = {};
  for (const f of islands.outputFiles) fs.writeFileSync(f.path, f.contents);
  for (const [out, meta] of Object.entries(islands.metafile.outputs)) {
    if (!meta.entryPoint) continue;
    const name = path.basename(meta.entryPoint).replace(/\.tsx?$/, '');
    islandAssets[name] = { js: `/assets/${path.basename(out)}`, imports: meta.imports.filter((i) => i.kind === 'import-statement').map((i) => `/assets/${path.basename(i.path)}`) };
  }
  fs.writeFileSync(path.join(OUT, 'islands.json'), JSON.stringify(islandAssets, null, 2));

  // The stylesheet is small (about 3 KB compressed): it goes inside every page, so nothing blocks the
  // first paint on a slow network.
  const css = Buffer.from((await esbuild.build({ ...common, entryPoints: [path.join(SRC, 'src', 'styles.css')] })).outputFiles[0].contents).toString('utf8');

  // The server entry: the same route table and components, for src/middlewares/website.ts to render
  // pages with (it loads this file at run time; it is not served, so it stays out of the assets).
  await esbuild.build({
    ...jsx,
    entryPoints: [path.join(SRC, 'src', 'server.tsx')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: path.join(OUT, 'server.cjs'),
    logLevel: 'warning',
    legalComments: 'none',
  });

  const html = fs
    .readFileSync(path.join(SRC, 'index.html'), 'utf8')
    .replace('{{css}}', () => css.trim());
  fs.writeFileSync(path.join(OUT, 'index.html'), html);

  for (const file of fs.readdirSync(path.join(SRC, 'public'))) fs.copyFileSync(path.join(SRC, 'public', file), path.join(OUT, file));

  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(OUT);
  const manifest = {};
  for (const file of files) {
    const raw = fs.readFileSync(file);
    const rel = path.relative(OUT, file);
    manifest[rel] = { bytes: raw.length };
    if (!TEXT.test(file)) continue;
    const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    const gz = zlib.gzipSync(raw, { level: 9 });
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, gz);
    Object.assign(manifest[rel], { br: br.length, gzip: gz.length });
  }
  fs.writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const [rel, s] of Object.entries(manifest)) if (s.br) console.log(`  website ${rel}: ${s.bytes} B, gzip ${s.gzip} B, br ${s.br} B`);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
