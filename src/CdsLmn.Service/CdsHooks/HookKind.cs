namespace CdsLmn.Service.CdsHooks;

/// <summary>The hook a service answers (docs/cds-hooks-spec.md §2).</summary>
public enum HookKind
{
    OrderSelect,
    OrderSign,
}
