import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_SCOPES, type DataScope } from './role-vocabulary.ts';

/** One colour per data scope, lighter to darker as the scope widens (a cue beside the words). */
export const SCOPE_COLOURS: Record<DataScope, string> = {
  none: '#d9d9d9',
  own: '#bae0ff',
  subordinates: '#91caff',
  department: '#4096ff',
  department_tree: '#0958d9',
  all: '#002c8c',
};

/** A scope's colour dot (decorative: the scope's name is always written beside it). */
export function ScopeDot({ scope, size = 10 }: { scope: DataScope; size?: number }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: size,
        height: size,
        borderRadius: size / 2,
        marginInlineEnd: size >= 10 ? 6 : 4,
        background: SCOPE_COLOURS[scope],
        border: '1px solid rgba(0,0,0,0.15)',
        flex: 'none',
      }}
    />
  );
}

/** A scope in words, with its dot. */
export function ScopeName({ scope }: { scope: DataScope }) {
  const { t } = useTranslation('roles');
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', whiteSpace: 'nowrap' }}>
      <ScopeDot scope={scope} />
      {t(`scopes.${scope}`)}
    </span>
  );
}

/** The data-scope picker of one matrix cell: the engine's scopes, narrowest first. */
export function ScopeSelect({
  value,
  onChange,
  label,
  changed,
}: {
  value: DataScope;
  onChange: (scope: DataScope) => void;
  label: string;
  changed?: boolean;
}) {
  const { t } = useTranslation('roles');
  return (
    <Select<DataScope>
      aria-label={label}
      title={`${label}: ${t(`scopeHelp.${value}`)}`}
      size="small"
      value={value}
      onChange={onChange}
      popupMatchSelectWidth={false}
      // The chosen scope, compact: the matrix's seven columns fit a 1280-pixel screen.
      labelRender={({ value: scope }) => (
        <span style={{ display: 'inline-flex', alignItems: 'center', fontSize: 13 }}>
          <ScopeDot scope={scope as DataScope} size={8} />
          {t(`scopes.${scope as DataScope}`)}
        </span>
      )}
      variant={changed ? 'filled' : 'outlined'}
      style={{ width: '100%', ...(changed ? { outline: '2px solid #fa8c16' } : {}) }}
      options={ROLE_SCOPES.map((scope) => ({
        value: scope,
        label: <ScopeName scope={scope} />,
        title: t(`scopeHelp.${scope}`),
      }))}
    />
  );
}

/** What the scopes mean, in a row under the matrix. */
export function ScopeLegend() {
  const { t } = useTranslation('roles');
  return (
    <div aria-label={t('editor.legend')} role="group" style={{ marginTop: 8 }}>
      <Space size={[16, 4]} wrap>
        {ROLE_SCOPES.map((scope) => (
          <Typography.Text key={scope} type="secondary" style={{ fontSize: 12 }}>
            <ScopeName scope={scope} />: {t(`scopeHelp.${scope}`)}
          </Typography.Text>
        ))}
      </Space>
    </div>
  );
}
