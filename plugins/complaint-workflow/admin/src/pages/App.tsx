import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { MetaProvider } from '../hooks/useMeta';
import InboxPage from './InboxPage';
import CasePage from './CasePage';
import ChannelsPage from './ChannelsPage';

const READ = [{ action: 'plugin::complaint-workflow.inbox.read', subject: null }];

/** The plugin's pages, under /admin/plugins/complaint-workflow/*; the menu hides them without the read permission, this guards a typed URL. */
const App = () => (
  <Page.Protect permissions={READ}>
    <MetaProvider>
      <Routes>
        <Route index element={<InboxPage />} />
        <Route path="cases/:id" element={<CasePage />} />
        <Route path="channels" element={<ChannelsPage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </MetaProvider>
  </Page.Protect>
);

export default App;
