using System.Data.Common;
using GatewayQkd.Kms.Cluster;

namespace GatewayQkd.Kms.Tests.Store;

/// <summary>Reads and changes the store's database directly with plain SQL, independent of the store's own code.</summary>
internal static class StoreDatabase
{
    public static byte[] ReadBlockMaterial(DatabaseEngine database, int gateway, int peer, int blockId) =>
        (byte[])Scalar(database, "SELECT material FROM blocks WHERE gateway = @g AND peer = @p AND block_id = @b AND stream_use = 0;",
            ("@g", gateway), ("@p", peer), ("@b", (long)blockId))!;

    public static void Execute(DatabaseEngine database, string sql)
    {
        using var connection = database.Open();
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }

    public static object? Scalar(DatabaseEngine database, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = database.Open();
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
