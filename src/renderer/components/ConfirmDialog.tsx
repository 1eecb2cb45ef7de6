// "Are you sure?" as a promise: `await confirm({...})` is true when the user goes ahead.
import { Button, Group, List, Modal, Text } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';

export interface ConfirmRequest {
  title: string;
  reasons: string[];
  confirmLabel: string;
}

export function useConfirm(): [(request: ConfirmRequest) => Promise<boolean>, ReactNode] {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const answer = useRef<(value: boolean) => void>(() => undefined);
  const confirm = useCallback(
    (next: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        answer.current = resolve;
        setRequest(next);
      }),
    [],
  );
  const finish = (value: boolean) => {
    setRequest(null);
    answer.current(value);
  };
  const dialog = (
    <Modal opened={request !== null} onClose={() => finish(false)} title={request?.title} size="md">
      {request && (
        <>
          <List size="sm" spacing={4} mb="md">
            {request.reasons.map((reason) => (
              <List.Item key={reason}>
                <Text size="sm">{reason}</Text>
              </List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => finish(false)}>
              Cancel
            </Button>
            <Button color="orange.9" onClick={() => finish(true)} data-autofocus>
              {request.confirmLabel}
            </Button>
          </Group>
        </>
      )}
    </Modal>
  );
  return [confirm, dialog];
}
