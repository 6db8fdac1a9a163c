import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import TargetsPage from './TargetsPage';
import ImportPage from './ImportPage';

/** The plugin's pages, under /admin/plugins/spreadsheet-import/*: the targets, then one target's import. */
const App = () => (
  <Routes>
    <Route index element={<TargetsPage />} />
    <Route path=":target" element={<ImportPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
