import { Page } from '@strapi/strapi/admin';
import MapEditorPage from './MapEditorPage';

const READ = [{ action: 'plugin::gis.read', subject: null }];

/** The map editor at /admin/plugins/gis; the menu hides it without the read permission, this guards a typed URL. */
const App = () => (
  <Page.Protect permissions={READ}>
    <MapEditorPage />
  </Page.Protect>
);

export default App;
