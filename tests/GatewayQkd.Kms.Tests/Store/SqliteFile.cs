using Microsoft.Data.Sqlite;

namespace GatewayQkd.Kms.Tests.Store;

/// <summary>Reads the store's SQLite file directly, independent of the store's own code.</summary>
internal static class SqliteFile
{
    public static byte[] ReadBlockMaterial(string path, int gateway, int peer, int blockId)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT material FROM blocks WHERE gateway = $g AND peer = $p AND block_id = $b;";
        command.Parameters.AddWithValue("$g", gateway);
        command.Parameters.AddWithValue("$p", peer);
        command.Parameters.AddWithValue("$b", blockId);
        return (byte[])command.ExecuteScalar()!;
    }
}
