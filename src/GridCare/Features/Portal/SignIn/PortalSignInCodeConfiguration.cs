using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Portal.SignIn;

public sealed class PortalSignInCodeConfiguration : IEntityTypeConfiguration<PortalSignInCode>
{
    public void Configure(EntityTypeBuilder<PortalSignInCode> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PortalSignInCodes");
        builder.Property(c => c.Phone).HasMaxLength(32);
        builder.Property(c => c.Salt).HasMaxLength(32);
        builder.Property(c => c.CodeHash).HasMaxLength(64);

        // Both the per-phone send limit and verification look at a phone's latest codes.
        builder.HasIndex(c => new { c.Phone, c.CreatedAt });
    }
}
