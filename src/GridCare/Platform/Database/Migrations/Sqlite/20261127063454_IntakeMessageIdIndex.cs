using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCare.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntakeMessageIdIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_Channel_ExternalId",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ExternalId_Channel",
                table: "Contacts",
                columns: new[] { "ExternalId", "Channel" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_ExternalId_Channel",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Channel_ExternalId",
                table: "Contacts",
                columns: new[] { "Channel", "ExternalId" },
                unique: true);
        }
    }
}
