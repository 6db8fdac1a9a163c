import { DEFAULT_MAP_TILES, tileSource } from '../../../../src/shared/map-tiles';

describe('tileSource (what the content security policy allows for the map tiles)', () => {
  it('is the origin of the tile URL template', () => {
    expect(tileSource(DEFAULT_MAP_TILES.tileUrl)).toBe('https://tile.openstreetmap.org');
    expect(tileSource('https://Tiles.Example.test:8443/{z}/{x}/{y}.png?key=abc')).toBe('https://tiles.example.test:8443');
  });

  it('widens a subdomain placeholder to a wildcard, as CSP writes it', () => {
    expect(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}{r}.png')).toBe('https://*.tile.example.org');
    // A placeholder CSP cannot express: the scheme alone.
    expect(tileSource('https://tiles.{s}.example.org/{z}/{x}/{y}.png')).toBe('https:');
  });

  it('is nothing for tiles served by this site', () => {
    expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBeNull();
  });
});
