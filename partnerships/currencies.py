"""ISO 4217 currency codes.

No installed package provides them (pycountry and babel are not dependencies), so the active
codes of ISO 4217 list one (as maintained by SIX Financial Information for the ISO 4217
Maintenance Agency, 2024 edition) are listed here. Fund codes, precious metals and testing
codes (gold, the test code, "no currency") are left out: pledges and budgets are in currencies. Review this list
when the Maintenance Agency publishes an amendment (see docs/partnerships.md).
"""

ISO_4217_CODES = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
    BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
    GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
    KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK
    MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
    SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS
    UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
    """.split()
)

# Shown first in pick lists: the currencies most pledges to the Convention's work use.
COMMON = ["USD", "EUR", "CHF", "GBP", "JPY", "CAD", "AUD", "NOK", "SEK", "DKK"]


def currency_choices() -> list[tuple[str, str]]:
    rest = sorted(ISO_4217_CODES - set(COMMON))
    return [(code, code) for code in COMMON + rest]


def is_currency(code: str) -> bool:
    return code in ISO_4217_CODES
