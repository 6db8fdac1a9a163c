import * as React from 'react';
import { Box, Button, Flex, Link, Loader, Modal, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Photo } from '../types/api';
import { useT } from '../utils/i18n';

interface Props {
  caseId: string | number;
  /** `?type=…` of the case's type: the photo route checks that type's read permission. */
  typeQuery: string;
  photos: Photo[];
  trackingCode: string;
  /** The photos after the fix are named apart from the citizen's. */
  after?: boolean;
}

const THUMB = 156;

/**
 * A case photo's bytes, fetched with the officer's token (an <img src> cannot carry it: the photos
 * have no public URL) and shown through an object URL, revoked when the image leaves the page.
 */
function usePhoto(path: string): { url?: string; failed: boolean } {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ url?: string; failed: boolean }>({ failed: false });
  React.useEffect(() => {
    const controller = new AbortController();
    let url: string | undefined;
    setState({ failed: false });
    get(path, { responseType: 'blob', signal: controller.signal })
      .then(({ data }) => {
        if (controller.signal.aborted) return;
        url = URL.createObjectURL(data);
        setState({ url, failed: false });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState({ failed: true });
      });
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [get, path]);
  return state;
}

const photoPath = (caseId: string | number, photoId: number, typeQuery: string, size: 'thumb' | 'full') =>
  `/complaint-workflow/cases/${caseId}/photos/${photoId}${typeQuery}${typeQuery ? '&' : '?'}size=${size}`;

const Thumbnail = ({ path, alt, onOpen }: { path: string; alt: string; onOpen: () => void }) => {
  const t = useT();
  const { url, failed } = usePhoto(path);
  const box = { width: THUMB, height: THUMB, borderRadius: 4, display: 'block' } as const;
  if (failed) {
    return (
      <Flex style={box} background="neutral150" justifyContent="center" alignItems="center" padding={2}>
        <Typography variant="pi" textColor="neutral600" textAlign="center">
          {t('case.photoFailed')}
        </Typography>
      </Flex>
    );
  }
  if (!url) {
    return (
      <Flex style={box} background="neutral150" justifyContent="center" alignItems="center">
        <Loader small>{t('case.photoLoading')}</Loader>
      </Flex>
    );
  }
  return (
    <button type="button" onClick={onOpen} title={t('case.photoOpen')} style={{ padding: 0, border: 0, background: 'none', cursor: 'zoom-in' }}>
      <img src={url} alt={alt} style={{ ...box, objectFit: 'cover' }} />
    </button>
  );
};

/** The whole photo in a dialog, with a link that opens it in a tab of its own. */
const FullPhoto = ({ path, alt }: { path: string; alt: string }) => {
  const t = useT();
  const { url, failed } = usePhoto(path);
  if (failed) return <Typography textColor="danger600">{t('case.photoFailed')}</Typography>;
  if (!url) return <Loader>{t('case.photoLoading')}</Loader>;
  return (
    <Flex direction="column" alignItems="center" gap={3}>
      <img src={url} alt={alt} style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block' }} />
      <Link href={url} isExternal>
        {t('case.photoNewTab')}
      </Link>
    </Flex>
  );
};

/** The case's photos: thumbnails, each opening the full photo. */
export const CasePhotos = ({ caseId, typeQuery, photos, trackingCode, after = false }: Props) => {
  const t = useT();
  const [open, setOpen] = React.useState<number>();
  const alt = (i: number) => t(after ? 'case.photoAltAfter' : 'case.photoAlt', { n: i + 1, code: trackingCode });
  const shown = open === undefined ? undefined : photos[open];
  return (
    <>
      <Flex gap={3} wrap="wrap">
        {photos.map((p, i) => (
          <Thumbnail key={p.id} path={photoPath(caseId, p.id, typeQuery, 'thumb')} alt={alt(i)} onOpen={() => setOpen(i)} />
        ))}
      </Flex>
      <Modal.Root open={shown !== undefined} onOpenChange={(isOpen) => (isOpen ? undefined : setOpen(undefined))}>
        <Modal.Content>
          {shown && open !== undefined ? (
            <>
              <Modal.Header closeLabel={t('common.close')}>
                <Modal.Title>{t('case.photoTitle', { n: open + 1, total: photos.length, code: trackingCode })}</Modal.Title>
              </Modal.Header>
              <Modal.Body>
                <Box>
                  <FullPhoto key={shown.id} path={photoPath(caseId, shown.id, typeQuery, 'full')} alt={alt(open)} />
                </Box>
              </Modal.Body>
              <Modal.Footer>
                {photos.length > 1 ? (
                  <Flex gap={2}>
                    <Button variant="tertiary" disabled={open === 0} onClick={() => setOpen(open - 1)}>
                      {t('case.photoPrevious')}
                    </Button>
                    <Button variant="tertiary" disabled={open === photos.length - 1} onClick={() => setOpen(open + 1)}>
                      {t('case.photoNext')}
                    </Button>
                  </Flex>
                ) : (
                  <span />
                )}
                <Modal.Close>
                  <Button variant="secondary">{t('common.close')}</Button>
                </Modal.Close>
              </Modal.Footer>
            </>
          ) : null}
        </Modal.Content>
      </Modal.Root>
    </>
  );
};
