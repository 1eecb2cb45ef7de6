// The bank's compliance rules: bank or credit union, each rule on or off and blocking or a warning,
// and the bank's own rules (banned phrases; phrases required when a trigger word appears). The
// default pack is a starting point from the research notes, not legal advice.
import { Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconRestore } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ComplianceSettingsView } from '../../../shared/api/audit';
import { INSTITUTION_LABELS, INSTITUTION_TYPES, type ComplianceRule, type InstitutionType } from '../../../shared/compliance/schemas';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { forgetComplianceSettings } from '../review/ComplianceFindings';
import { MUTED, showError, showSaved } from './feedback';

const phrases = (text: string): string[] =>
  text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean);

const slug = (name: string): string =>
  `own-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50) || 'rule'}`;

export function ComplianceSection() {
  const { can } = useSession();
  const admin = can('admin');
  const [view, setView] = useState<ComplianceSettingsView | null>(null);
  const [kind, setKind] = useState<'ban' | 'require'>('ban');
  const [name, setName] = useState('');
  const [trigger, setTrigger] = useState('');
  const [required, setRequired] = useState('');
  useEffect(() => {
    call('compliance.get', {}).then(setView, (error) => showError(error, 'Could not load the compliance rules'));
  }, []);
  if (!view) return null;

  const save = async (institution: InstitutionType, rules: ComplianceRule[], message: string) => {
    try {
      const next = await call('compliance.save', { institution, rules });
      setView(next);
      forgetComplianceSettings();
      showSaved('Compliance rules saved', message);
    } catch (error) {
      showError(error, 'Could not save the rules');
    }
  };
  const change = (id: string, patch: Partial<ComplianceRule>) =>
    void save(view.institution, view.rules.map((r) => (r.id === id ? { ...r, ...patch } : r)), 'The editor checks posts with them from now on.');

  const addOwn = () => {
    const id = slug(name);
    if (view.rules.some((r) => r.id === id)) {
      showError(new Error(`There is already a rule called “${name}”.`), 'Could not add the rule');
      return;
    }
    const rule: ComplianceRule = {
      id,
      name: name.trim(),
      kind,
      match: 'phrase',
      trigger: phrases(trigger),
      exceptions: [],
      context: null,
      unless: [],
      requires: kind === 'require' ? [{ label: phrases(required).map((p) => `“${p}”`).join(' or '), anyOf: phrases(required) }] : [],
      linkAllowed: false,
      validate: null,
      severity: 'blocking',
      scope: { institutions: [], categories: [], networks: [], promotionalOnly: false },
      message: kind === 'ban' ? `“${name.trim()}”: the bank does not use these words.` : `“${name.trim()}”: the bank requires this wording.`,
      citation: 'Bank policy',
      enabled: true,
    };
    void save(view.institution, [...view.rules, rule], `“${rule.name}” is checked from now on.`).then(() => {
      setName('');
      setTrigger('');
      setRequired('');
    });
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={2} size="h4" mb={4}>
              Compliance rules
            </Title>
            <Text size="sm" c={MUTED} maw={700}>
              Federal advertising rules for US banks and credit unions (FDIC/NCUA statements, Truth in Savings, Regulation Z, Equal Housing, non-deposit products,
              privacy). A starting point, not legal advice: switch rules off, make them warnings, or add your own. Blocking findings stop approval unless an
              approver overrides them with a reason.
            </Text>
          </div>
          <SegmentedControl
            aria-label="Institution type"
            disabled={!admin}
            value={view.institution}
            onChange={(v) => void save(v as InstitutionType, view.rules, v === 'bank' ? 'Checked as an FDIC-insured bank.' : 'Checked as an NCUA-insured credit union.')}
            data={INSTITUTION_TYPES.map((value) => ({ value, label: INSTITUTION_LABELS[value] }))}
          />
        </Group>
        <Table mt="md" aria-label="Compliance rules" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>On</Table.Th>
              <Table.Th>Rule</Table.Th>
              <Table.Th>Applies to</Table.Th>
              <Table.Th>Severity</Table.Th>
              <Table.Th>Source</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.rules.map((rule) => (
              <Table.Tr key={rule.id}>
                <Table.Td>
                  <Switch aria-label={`${rule.name} on`} checked={rule.enabled} disabled={!admin} onChange={(e) => change(rule.id, { enabled: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {rule.name}
                  </Text>
                  <Text size="xs" c={MUTED} lineClamp={2}>
                    {rule.message}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {rule.scope.institutions.length === 1 ? (rule.scope.institutions[0] === 'bank' ? 'Banks' : 'Credit unions') : 'Banks and credit unions'}
                    {rule.scope.categories.length ? ` · ${rule.scope.categories.join(', ')}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${rule.name} severity`}
                    size="xs"
                    w={120}
                    disabled={!admin}
                    data={[
                      { value: 'blocking', label: 'Blocking' },
                      { value: 'warning', label: 'Warning' },
                    ]}
                    value={rule.severity}
                    onChange={(v) => v && change(rule.id, { severity: v as ComplianceRule['severity'] })}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{rule.citation}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {admin && !view.isDefault && (
          <Button
            mt="sm"
            variant="subtle"
            color="gray"
            leftSection={<IconRestore size={16} />}
            onClick={() => void save(view.institution, view.defaults, 'Back to the default rule pack.')}
          >
            Back to the default rules
          </Button>
        )}
      </Paper>
      {admin && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            Add a rule of your own
          </Title>
          <Group align="flex-end" gap="xs" wrap="wrap">
            <SegmentedControl
              aria-label="Kind of rule"
              value={kind}
              onChange={(v) => setKind(v as 'ban' | 'require')}
              data={[
                { value: 'ban', label: 'Banned phrases' },
                { value: 'require', label: 'Required wording' },
              ]}
            />
            <TextInput label="Name" placeholder="e.g. No slang" w={200} value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <TextInput
              label={kind === 'ban' ? 'Phrases (comma-separated)' : 'When a post says (comma-separated)'}
              placeholder={kind === 'ban' ? 'crushing it, killer deal' : 'scholarship'}
              w={260}
              value={trigger}
              onChange={(e) => setTrigger(e.currentTarget.value)}
            />
            {kind === 'require' && (
              <TextInput label="It must also say" placeholder="apply by" w={220} value={required} onChange={(e) => setRequired(e.currentTarget.value)} />
            )}
            <Button leftSection={<IconPlus size={16} />} disabled={!name.trim() || phrases(trigger).length === 0 || (kind === 'require' && phrases(required).length === 0)} onClick={addOwn}>
              Add rule
            </Button>
          </Group>
          <Text size="xs" c={MUTED} mt={6}>
            Phrases match whole words in any case. Your rules are <Badge size="xs" variant="light" tt="none">blocking</Badge> at first; make one a warning in the list above.
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
