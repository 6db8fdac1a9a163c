import { startApp, type TestApp } from '../../../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const poles = () => app.strapi.documents('api::pole.pole');
const stored = async (documentId: string) => (await poles().findOne({ documentId })) as unknown as { lat: number | null; lng: number | null; location: unknown };

it("keeps a pole's lat/lng and its location point equal, whichever was written", async () => {
  const fromFloats = await poles().create({ data: { code: 'GIS-P01', name: 'เสาทดสอบ 1', status: 'working', lat: 14.7201, lng: 102.0312 } });
  expect(await stored(fromFloats.documentId)).toMatchObject({ lat: 14.7201, lng: 102.0312, location: { type: 'Point', coordinates: [102.0312, 14.7201] } });

  await poles().update({ documentId: fromFloats.documentId, data: { location: { type: 'Point', coordinates: [102.05, 14.73] }, lat: 1, lng: 2 } });
  expect(await stored(fromFloats.documentId)).toMatchObject({ lat: 14.73, lng: 102.05, location: { type: 'Point', coordinates: [102.05, 14.73] } });

  await poles().update({ documentId: fromFloats.documentId, data: { location: null } });
  expect(await stored(fromFloats.documentId)).toMatchObject({ lat: null, lng: null, location: null });

  const fromPoint = await poles().create({ data: { code: 'GIS-P02', name: 'เสาทดสอบ 2', status: 'working', location: { type: 'Point', coordinates: [102.02, 14.71] } } });
  expect(await stored(fromPoint.documentId)).toMatchObject({ lat: 14.71, lng: 102.02 });
});
