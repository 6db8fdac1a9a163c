import path from 'path';

// The scaffold's SQLite connection, with an absolute path allowed (the bench passes one).
export default ({ env }: { env: any }) => ({
  connection: {
    client: 'sqlite',
    connection: { filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')) },
    useNullAsDefault: true,
  },
});
