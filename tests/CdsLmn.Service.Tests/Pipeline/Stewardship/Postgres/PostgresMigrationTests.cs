using System.Net;
using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Stewardship.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CdsLmn.Service.Tests.Pipeline.Stewardship.Postgres;

/// <summary>Replicas started at the same time migrate an empty or older database once, and agree on the patient-id salt.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresCluster cluster)
{
    [Fact]
    public async Task ReplicasStartingTogetherOnAnEmptyDatabaseMigrateItOnce()
    {
        var connectionString = await cluster.CreateDatabaseAsync("migrate_empty");

        await using var replicas = await Replicas.StartAsync(connectionString, 3, authRequired: false);

        await AssertMigratedAndReadyAsync(connectionString, replicas);
        var hashes = replicas.All.Select(r => r.Services.GetRequiredService<ILedgerDatabase>().HashPatientId("pma-1")).Distinct();
        Assert.Single(hashes);
        Assert.Equal(1, await Database.ScalarAsync(connectionString, "SELECT COUNT(*) FROM settings"));
    }

    [Fact]
    public async Task ReplicasStartingTogetherOnAnOlderDatabaseBringItUpToDateAndKeepItsRows()
    {
        var connectionString = await cluster.CreateDatabaseAsync("migrate_older");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await PostgresSchema.MigrateAsync(connection, CancellationToken.None, target: 1);
            await using var card = new NpgsqlCommand("""
                INSERT INTO issued_card (card_uuid, service_id, hook_instance, patient_hash, decision_row, indicator, issued_at, shadow)
                VALUES ('0f4c4f5e-5d1c-4f55-9a43-4b7d0c5b3e11', 'ivig-lmn-order-select', 'h', 'x', 3, 'warning', 0, 0)
                """, connection);
            await card.ExecuteNonQueryAsync();
        }
        Assert.Equal([1], await Database.SchemaVersionsAsync(connectionString));

        await using var replicas = await Replicas.StartAsync(connectionString, 3, authRequired: false);

        await AssertMigratedAndReadyAsync(connectionString, replicas);
        Assert.Equal(1, await Database.ScalarAsync(connectionString, "SELECT COUNT(*) FROM issued_card"));
        Assert.Equal(0, await Database.ScalarAsync(connectionString, "SELECT COUNT(*) FROM jti_replay"));
    }

    private static async Task AssertMigratedAndReadyAsync(string connectionString, Replicas replicas)
    {
        foreach (var replica in replicas.All)
        {
            Assert.Equal(HttpStatusCode.OK, await Replicas.ReadinessAsync(replica));
        }
        Assert.Equal(Enumerable.Range(1, PostgresSchema.LatestVersion), await Database.SchemaVersionsAsync(connectionString));
    }
}
