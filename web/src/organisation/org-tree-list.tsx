import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReturnFocus } from '../shared/ui/use-return-focus.ts';
import type { OrgTreeNode } from './org-tree.ts';
import { OrgUnitEditForm } from './org-unit-edit-form.tsx';

type OrgTreeListProps = { nodes: readonly OrgTreeNode[]; canManage: boolean; isRoot?: boolean };

/** Nested lists: screen readers announce the level and the number of items at each level. */
export function OrgTreeList({ nodes, canManage, isRoot = false }: OrgTreeListProps) {
  return (
    <ul className={isRoot ? 'org-tree' : 'org-tree__children'}>
      {nodes.map((node) => (
        <OrgTreeItem key={node.unit.id} node={node} canManage={canManage} />
      ))}
    </ul>
  );
}

function OrgTreeItem({ node, canManage }: { node: OrgTreeNode; canManage: boolean }) {
  const { t } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const editButton = useReturnFocus<HTMLButtonElement>(isEditing);
  const { unit } = node;
  return (
    <li className="org-tree__item">
      <div className="org-tree__row">
        <span className="org-tree__name">{unit.name}</span>
        <span className="badge">{t(`orgUnitKinds.${unit.kind}`)}</span>
        {unit.code && <span className="org-tree__code">{t('organisation.codeLabel', { code: unit.code })}</span>}
        {canManage && !isEditing && (
          <button
            ref={editButton}
            type="button"
            className="button button--link"
            aria-label={t('common.editNamed', { name: unit.name })}
            onClick={() => setEditing(true)}
          >
            {t('common.edit')}
          </button>
        )}
      </div>
      {isEditing && <OrgUnitEditForm unit={unit} onDone={() => setEditing(false)} />}
      {node.children.length > 0 && <OrgTreeList nodes={node.children} canManage={canManage} />}
    </li>
  );
}
