using System.Data.Common;

namespace GatewayQkd.Kms.Cluster;

/// <summary>Small helpers for parameterised commands on any ADO.NET connection.</summary>
public static class DbCommands
{
    public static DbCommand Create(DbConnection connection, string sql, DbTransaction? transaction, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static int Execute(DbConnection connection, string sql, DbTransaction? transaction, params (string Name, object Value)[] parameters)
    {
        using var command = Create(connection, sql, transaction, parameters);
        return command.ExecuteNonQuery();
    }
}
