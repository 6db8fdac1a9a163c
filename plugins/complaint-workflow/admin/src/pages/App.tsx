import { Main, Box, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

const App = () => {
  const { formatMessage } = useIntl();
  return (
    <Main>
      <Box padding={8}>
        <Typography variant="alpha" tag="h1">
          {formatMessage({ id: `${PLUGIN_ID}.inbox.title`, defaultMessage: 'Complaints' })}
        </Typography>
      </Box>
    </Main>
  );
};

export default App;
