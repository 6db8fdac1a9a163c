import { asPoint, locationSyncs, syncLocation } from '../../../../plugins/gis/server/src/location';

const SYNC = [{ attribute: 'location', latField: 'lat', lngField: 'lng' }];

describe('the location field and its float fields', () => {
  it('finds location attributes that name both float fields', () => {
    expect(
      locationSyncs({
        location: { type: 'customField', customField: 'plugin::gis.location', options: { latField: 'lat', lngField: 'lng' } },
        other: { type: 'customField', customField: 'plugin::gis.location' },
        lat: { type: 'float' },
        lng: { type: 'float' },
        name: { type: 'string' },
      })
    ).toEqual(SYNC);
    expect(locationSyncs({ location: { type: 'customField', customField: 'plugin::gis.location', options: { latField: 'lat', lngField: 'missing' } }, lat: { type: 'float' } })).toEqual([]);
  });

  it('fills lat and lng from the point, the point winning when both are given', () => {
    expect(syncLocation({ location: { type: 'Point', coordinates: [102.1, 14.7] }, lat: 1, lng: 2 }, SYNC)).toEqual({ location: { type: 'Point', coordinates: [102.1, 14.7] }, lat: 14.7, lng: 102.1 });
    expect(syncLocation({ location: null, name: 'x' }, SYNC)).toEqual({ location: null, lat: null, lng: null, name: 'x' });
  });

  it('fills the point from lat and lng, and clears it when they are cleared', () => {
    expect(syncLocation({ lat: 14.7, lng: 102.1 }, SYNC)).toEqual({ lat: 14.7, lng: 102.1, location: { type: 'Point', coordinates: [102.1, 14.7] } });
    expect(syncLocation({ lat: null, lng: null }, SYNC)).toEqual({ lat: null, lng: null, location: null });
    // Neither given: nothing changes; one alone cannot make a point.
    expect(syncLocation({ name: 'x' }, SYNC)).toEqual({ name: 'x' });
    expect(syncLocation({ lat: 14.7 }, SYNC)).toEqual({ lat: 14.7 });
  });

  it('reads only a valid WGS84 point', () => {
    expect(asPoint({ type: 'Point', coordinates: [200, 14] })).toBeNull();
    expect(asPoint({ type: 'Point', coordinates: ['102', 14] })).toBeNull();
    expect(asPoint({ type: 'LineString', coordinates: [[1, 2]] })).toBeNull();
  });
});
