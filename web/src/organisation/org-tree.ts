import type { OrgUnit } from '@varn/domain';

export type OrgTreeNode = { unit: OrgUnit; depth: number; children: OrgTreeNode[] };

const collator = new Intl.Collator('sv');

/**
 * The tree from the flat list. A unit whose parent the person may not see (or has none) is a root,
 * so a manager scoped to a department sees that department at the top.
 */
export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const ids = new Set(units.map((unit) => unit.id));
  const childrenOf = new Map<string | null, OrgUnit[]>();
  for (const unit of units) {
    const parentKey = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    const siblings = childrenOf.get(parentKey) ?? [];
    siblings.push(unit);
    childrenOf.set(parentKey, siblings);
  }
  function nodesUnder(parentKey: string | null, depth: number): OrgTreeNode[] {
    const children = childrenOf.get(parentKey) ?? [];
    return children
      .toSorted((a, b) => collator.compare(a.name, b.name))
      .map((unit) => ({ unit, depth, children: nodesUnder(unit.id, depth + 1) }));
  }
  return nodesUnder(null, 0);
}

/** The tree in reading order, for select lists. */
export function flattenOrgTree(nodes: readonly OrgTreeNode[]): OrgTreeNode[] {
  return nodes.flatMap((node) => [node, ...flattenOrgTree(node.children)]);
}

/** Options for a unit select: indented by depth so the tree's shape shows in a plain <select>. */
export function orgUnitOptions(units: readonly OrgUnit[]): { value: string; label: string }[] {
  return flattenOrgTree(buildOrgTree(units)).map((node) => ({
    value: node.unit.id,
    label: `${'\u00a0\u00a0\u00a0'.repeat(node.depth)}${node.unit.name}`,
  }));
}
