import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useT } from '../utils/i18n';

/**
 * Staff attach photos of the fix on the case page: a plain file field (the phone's camera or a
 * file), then one button. `onUpload` reports success or failure itself.
 */
export const PhotoUpload = ({ onUpload }: { onUpload: (files: File[]) => Promise<boolean> }) => {
  const t = useT();
  const input = React.useRef<HTMLInputElement>(null);
  const [files, setFiles] = React.useState<File[]>([]);
  const [busy, setBusy] = React.useState(false);

  const upload = async () => {
    setBusy(true);
    try {
      if (await onUpload(files)) {
        setFiles([]);
        if (input.current) input.current.value = '';
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={3}>
      <label htmlFor="cw-after-photos">
        <Typography variant="pi" fontWeight="bold">
          {t('case.photos.add')}
        </Typography>
      </label>
      <Typography variant="pi" textColor="neutral600" id="cw-after-photos-hint">
        {t('case.photos.addHint')}
      </Typography>
      <input
        id="cw-after-photos"
        ref={input}
        type="file"
        accept="image/*"
        multiple
        aria-describedby="cw-after-photos-hint"
        onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []))}
      />
      <Button variant="secondary" onClick={() => void upload()} disabled={!files.length || busy} loading={busy}>
        {t('case.photos.upload')}
      </Button>
    </Flex>
  );
};
