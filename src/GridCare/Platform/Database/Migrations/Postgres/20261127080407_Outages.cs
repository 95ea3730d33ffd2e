using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridCare.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Outages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArrearsDisconnectedAt",
                table: "Customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "WorkOrderId",
                table: "Contacts",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<long>(
                name: "OutageId",
                table: "Contacts",
                type: "bigint",
                nullable: true);



            migrationBuilder.CreateTable(
                name: "Outages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DeviceId = table.Column<long>(type: "bigint", nullable: false),
                    SwitchedOffDeviceIds = table.Column<long[]>(type: "bigint[]", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    FeederId = table.Column<long>(type: "bigint", nullable: true),
                    Area = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    PlannedStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PlannedEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Etr = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RestoredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NoticeOverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReminderQueuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RepairOrderId = table.Column<long>(type: "bigint", nullable: true),
                    RepairOrderNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CustomerCount = table.Column<int>(type: "integer", nullable: false),
                    RestoredCustomerCount = table.Column<int>(type: "integer", nullable: false),
                    TransformerCount = table.Column<int>(type: "integer", nullable: false),
                    ImportantCustomerCount = table.Column<int>(type: "integer", nullable: false),
                    CallCount = table.Column<int>(type: "integer", nullable: false),
                    SignalCount = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutageSignals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DeviceId = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OutageId = table.Column<long>(type: "bigint", nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutageSignals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutageCustomers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OutageId = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    TransformerId = table.Column<long>(type: "bigint", nullable: true),
                    RestoredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutageCustomers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutageCustomers_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OutageCustomers_Outages_OutageId",
                        column: x => x.OutageId,
                        principalTable: "Outages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutageEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OutageId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutageEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutageEntries_Outages_OutageId",
                        column: x => x.OutageId,
                        principalTable: "Outages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutageSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OutageId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeviceId = table.Column<long>(type: "bigint", nullable: true),
                    CustomersRestored = table.Column<int>(type: "integer", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutageSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutageSteps_Outages_OutageId",
                        column: x => x.OutageId,
                        principalTable: "Outages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_OutageId",
                table: "Contacts",
                column: "OutageId");





            migrationBuilder.CreateIndex(
                name: "IX_OutageCustomers_CustomerId_OutageId",
                table: "OutageCustomers",
                columns: new[] { "CustomerId", "OutageId" });

            migrationBuilder.CreateIndex(
                name: "IX_OutageCustomers_OutageId_CustomerId",
                table: "OutageCustomers",
                columns: new[] { "OutageId", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutageEntries_OutageId",
                table: "OutageEntries",
                column: "OutageId");

            migrationBuilder.CreateIndex(
                name: "IX_Outages_Number",
                table: "Outages",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outages_Status_PlannedStart",
                table: "Outages",
                columns: new[] { "Status", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_OutageSignals_ExternalId_Source",
                table: "OutageSignals",
                columns: new[] { "ExternalId", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutageSignals_State_ReceivedAt",
                table: "OutageSignals",
                columns: new[] { "State", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutageSteps_OutageId",
                table: "OutageSteps",
                column: "OutageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {


            migrationBuilder.DropTable(
                name: "OutageCustomers");

            migrationBuilder.DropTable(
                name: "OutageEntries");

            migrationBuilder.DropTable(
                name: "OutageSignals");

            migrationBuilder.DropTable(
                name: "OutageSteps");

            migrationBuilder.DropTable(
                name: "Outages");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_OutageId",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ArrearsDisconnectedAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "OutageId",
                table: "Contacts");

            migrationBuilder.AlterColumn<long>(
                name: "WorkOrderId",
                table: "Contacts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
