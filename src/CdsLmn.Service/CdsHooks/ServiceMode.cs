namespace CdsLmn.Service.CdsHooks;

/// <summary>Whether cards reach the clinician.</summary>
internal enum ServiceMode
{
    /// <summary>Cards are answered to the EHR and recorded.</summary>
    Active,

    /// <summary>Cards are evaluated and recorded (shadow flag set) but the answer is <c>{"cards":[]}</c>.</summary>
    Shadow,
}
