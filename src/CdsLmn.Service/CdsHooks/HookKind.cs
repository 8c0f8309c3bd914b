namespace CdsLmn.Service.CdsHooks;

/// <summary>The hook a service answers (docs/cds-hooks-spec.md §2).</summary>
internal enum HookKind
{
    OrderSelect,
    OrderSign,
}
