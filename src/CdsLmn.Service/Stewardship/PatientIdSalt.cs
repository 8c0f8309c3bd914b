using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

namespace CdsLmn.Service.Stewardship;

/// <summary>The HMAC key of patient-id hashes: configured, or generated once and kept in the store's <c>settings</c> table.</summary>
internal static class PatientIdSalt
{
    private const string SaltKey = "patient_id_salt";

    /// <summary>The configured salt, else the stored one (created if absent).</summary>
    public static async Task<byte[]> ResolveAsync(string? configured, DbConnection connection, CancellationToken cancellationToken)
    {
        if (configured is { Length: > 0 })
        {
            return Encoding.UTF8.GetBytes(configured);
        }
        // Several replicas may start at once: insert-if-absent, then read whichever salt won.
        await using (var insert = connection.Command("INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT DO NOTHING;"))
        {
            insert.With("@key", SaltKey);
            insert.With("@value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var select = connection.Command("SELECT value FROM settings WHERE key = @key;");
        select.With("@key", SaltKey);
        return Convert.FromBase64String((string)(await select.ExecuteScalarAsync(cancellationToken))!);
    }

    public static string Hash(byte[] salt, string patientId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(patientId)));
}
