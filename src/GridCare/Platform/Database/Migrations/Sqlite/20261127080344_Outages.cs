using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCare.Platform.Database.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "WorkOrderId",
                table: "Contacts",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "OutageId",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);



            migrationBuilder.CreateTable(
                name: "Outages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DeviceId = table.Column<long>(type: "INTEGER", nullable: false),
                    SwitchedOffDeviceIds = table.Column<string>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    FeederId = table.Column<long>(type: "INTEGER", nullable: true),
                    Area = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    PlannedStart = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PlannedEnd = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Etr = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RestoredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NoticeOverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReminderQueuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RepairOrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    RepairOrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CustomerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RestoredCustomerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TransformerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportantCustomerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CallCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SignalCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutageSignals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DeviceId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OutageId = table.Column<long>(type: "INTEGER", nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutageSignals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutageCustomers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutageId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    TransformerId = table.Column<long>(type: "INTEGER", nullable: true),
                    RestoredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutageId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutageId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<long>(type: "INTEGER", nullable: true),
                    CustomersRestored = table.Column<int>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
