using GridCare.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PostgresServer))]
