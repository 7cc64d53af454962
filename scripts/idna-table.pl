#!/usr/bin/env perl
# Writes src/Runtime/IdnaTable.cs: for every code point, what the idn-hostname check needs to know.
#
#   perl scripts/idna-table.pl > src/Runtime/IdnaTable.cs
#
# The IDNA2008 derived property is computed here with the algorithm of RFC 5892 section 3 (its
# rules A-K and the exceptions of 2.6), from the Unicode Character Database that ships with Perl
# (Unicode::UCD, Unicode::Normalize), not copied from a published table. Beside it, for the
# code points that can appear in a label: the Bidi_Class (RFC 5893 Bidi rule), the Joining_Type
# and Virama combining class (CONTEXTJ, RFC 5892 A.1-A.2), the five scripts the CONTEXTO rules
# name (A.4-A.7), and whether it is a combining mark (RFC 5891 5.4: a label may not start with one).
# .NET exposes none of these but the general category, and IdnMapping applies the looser UTS #46
# mapping (and, on Linux, depends on ICU), so the runtime carries its own table.
use v5.36;
use Unicode::Normalize qw(NFKC);
use Unicode::UCD qw(prop_invmap prop_invlist);

use constant { DISALLOWED => 0, PVALID => 1, CONTEXTJ => 2, CONTEXTO => 3 };
use constant LAST => 0x10FFFF;

# A property's value for every code point, from Unicode::UCD's inversion map.
sub values_of($property) {
    my ($ranges, $map, $format, $default) = prop_invmap($property);
    die "unexpected format $format for $property" unless $format eq 's';
    my @values;
    for my $i (0 .. $#$ranges) {
        my $end = $i < $#$ranges ? $ranges->[$i + 1] - 1 : LAST;
        $values[$_] = $map->[$i] for $ranges->[$i] .. $end;
    }
    return \@values;
}

sub set_of($property) {
    my @list = prop_invlist($property);
    my %set;
    for (my $i = 0; $i < @list; $i += 2) {
        my $end = $i + 1 < @list ? $list[$i + 1] - 1 : LAST;
        $set{$_} = 1 for $list[$i] .. $end;
    }
    return \%set;
}

my $category = values_of('General_Category');
my $bidi = values_of('Bidi_Class');
my $joining = values_of('Joining_Type');
my $script = values_of('Script');
my $combining = values_of('Canonical_Combining_Class');
my $hangul = values_of('Hangul_Syllable_Type');
my $noncharacter = set_of('Noncharacter_Code_Point');
my $ignorable = set_of('Default_Ignorable_Code_Point');
my $white_space = set_of('White_Space');
my $join_control = set_of('Join_Control');

# RFC 5892 2.6, Exceptions (F).
my %exceptions;
$exceptions{$_} = PVALID for 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007;
$exceptions{$_} = CONTEXTO for 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x0660 .. 0x0669, 0x06F0 .. 0x06F9;
$exceptions{$_} = DISALLOWED for 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031 .. 0x3035, 0x303B;

my %letter_digits = map { $_ => 1 } qw(Ll Lu Lo Nd Lm Mn Mc);
# RFC 5892 section 3: the derived property, rules applied in the order the RFC gives.
sub derived($cp) {
    return $exceptions{$cp} if exists $exceptions{$cp};
    my $gc = $category->[$cp];
    return DISALLOWED if $gc eq 'Cn' && !$noncharacter->{$cp};                      # J (UNASSIGNED)
    return PVALID if $cp == 0x2D || ($cp >= 0x30 && $cp <= 0x39) || ($cp >= 0x61 && $cp <= 0x7A); # K
    return CONTEXTJ if $join_control->{$cp};                                                  # H
    return DISALLOWED if $cp >= 0xD800 && $cp <= 0xDFFF;                                      # a surrogate is no character
    my $char = chr($cp);
    return DISALLOWED if NFKC(fc(NFKC($char))) ne $char;                                      # B (Unstable)
    return DISALLOWED if $ignorable->{$cp} || $white_space->{$cp} || $noncharacter->{$cp};  # C
    return DISALLOWED if ($cp >= 0x20D0 && $cp <= 0x20FF) || ($cp >= 0x1D100 && $cp <= 0x1D24F); # D
    return DISALLOWED if $hangul->[$cp] =~ /^[LVT]$/;  # I
    return PVALID if $letter_digits{$gc};                                                      # A
    return DISALLOWED;
}

# Unicode::UCD gives these two properties (and General_Category) by their short value names.
my %bidi_code = (L => 1, R => 2, AL => 3, AN => 4, EN => 5, ES => 6, CS => 7, ET => 8, ON => 9, BN => 10, NSM => 11);
my %joining_code = (D => 1, R => 2, L => 3, T => 4, C => 5);
my %script_code = (Greek => 1, Hebrew => 2, Hiragana => 3, Katakana => 4, Han => 5);

# One 16-bit value per code point: derived property (bits 0-1), Bidi class (2-5), joining type
# (6-8), script (9-11), virama (12), combining mark (13). A code point no label may hold gets 0.
my (@starts, @values);
my $previous = -1;
for my $cp (0 .. LAST) {
    my $property = derived($cp);
    my $value = 0;
    if ($property != DISALLOWED) {
        $value = $property
            | (($bidi_code{$bidi->[$cp]} // 0) << 2)
            | (($joining_code{$joining->[$cp]} // 0) << 6)
            | (($script_code{$script->[$cp]} // 0) << 9)
            | (($combining->[$cp] eq '9' ? 1 : 0) << 12)
            | (($category->[$cp] =~ /^M/ ? 1 : 0) << 13);
    }
    if ($value != $previous) {
        push @starts, $cp;
        push @values, $value;
        $previous = $value;
    }
}

sub rows($format, @numbers) {
    my @lines;
    while (my @row = splice(@numbers, 0, 12)) {
        push @lines, '        ' . join(', ', map { sprintf($format, $_) } @row) . ',';
    }
    return join("\n", @lines);
}

my $version = Unicode::UCD::UnicodeVersion();
my $count = @starts;
my $start_rows = rows('0x%05X', @starts);
my $value_rows = rows('0x%04X', @values);
print <<"CS";
// <auto-generated>
// Written by scripts/idna-table.pl from the Unicode $version Character Database: the IDNA2008
// derived property (RFC 5892 section 3) and the properties its contextual rules and the Bidi rule
// (RFC 5893) read. Do not edit; run the script.
// </auto-generated>
using System;

namespace Insights.Contracts.Runtime;

/// <summary>Per code point, as ranges: <see cref="Starts"/>[i] is the first code point whose value is <see cref="Values"/>[i].</summary>
internal static class IdnaTable
{
    /// <summary>The Unicode version the table was computed from.</summary>
    public const string UnicodeVersion = "$version";

    /// <summary>The first code point of each of the $count ranges, ascending.</summary>
    public static ReadOnlySpan<int> Starts =>
    [
$start_rows
    ];

    /// <summary>
    /// Each range's value: derived property (bits 0-1: 0 DISALLOWED or UNASSIGNED, 1 PVALID,
    /// 2 CONTEXTJ, 3 CONTEXTO), Bidi class (bits 2-5: 1 L, 2 R, 3 AL, 4 AN, 5 EN, 6 ES, 7 CS,
    /// 8 ET, 9 ON, 10 BN, 11 NSM), joining type (bits 6-8: 1 D, 2 R, 3 L, 4 T, 5 C), script
    /// (bits 9-11: 1 Greek, 2 Hebrew, 3 Hiragana, 4 Katakana, 5 Han), virama (bit 12), combining
    /// mark (bit 13). 0 for every code point no label may hold.
    /// </summary>
    public static ReadOnlySpan<ushort> Values =>
    [
$value_rows
    ];
}
CS
