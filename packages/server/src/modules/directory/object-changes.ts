import type { ObjectSettings, ObjectType, PolicyModel } from '@custos/engine';
import { AppError } from '../../http/app-error.ts';
import type { ChangeOutcome, PolicyChange } from './policy-change.ts';

type ObjectChange = Extract<PolicyChange, { kind: `object.${string}` }>;

/** Settings of an object the model does not configure yet: private, children follow the parent. */
export function defaultObjectSettings(object: ObjectType): ObjectSettings {
  return {
    object,
    orgWideDefault: 'private',
    controlledByParent: object !== 'customer',
    portalExposed: false,
    fields: {},
  };
}

/**
 * Object settings changes: the org-wide default (基础数据权限) and field settings (sensitivity,
 * mask, internal, label). An object without settings gets the defaults first.
 */
export function applyObjectChange(model: PolicyModel, change: ObjectChange): ChangeOutcome {
  const i = model.objects.findIndex((o) => o.object === change.object);
  const current = i < 0 ? undefined : model.objects[i];
  const base = current ?? defaultObjectSettings(change.object);
  let after: ObjectSettings;
  let target = `object/${change.object}`;
  let before: unknown = current ?? null;
  let audited: unknown;
  switch (change.kind) {
    case 'object.set_org_wide_default':
      after = { ...base, orgWideDefault: change.orgWideDefault };
      break;
    case 'object.set_field':
      target = `object/${change.object}/${change.field}`;
      before = Object.hasOwn(base.fields, change.field) ? base.fields[change.field] : null;
      after = { ...base, fields: { ...base.fields, [change.field]: change.setting } };
      audited = change.setting;
      break;
    case 'object.remove_field': {
      target = `object/${change.object}/${change.field}`;
      before = Object.hasOwn(base.fields, change.field) ? base.fields[change.field] : null;
      if (before === null) {
        throw new AppError('NOT_FOUND', `no field "${change.field}" on ${change.object}`, {
          kind: 'field',
          id: change.field,
        });
      }
      const { [change.field]: _removed, ...fields } = base.fields;
      void _removed;
      after = { ...base, fields };
      audited = null;
      break;
    }
  }
  const objects =
    i < 0 ? [...model.objects, after] : model.objects.map((o, k) => (k === i ? after : o));
  return {
    model: { ...model, objects },
    action: change.kind,
    target,
    before,
    after: audited === undefined ? after : audited,
    entity: after,
  };
}
