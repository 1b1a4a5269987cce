"""Small original story texts in each raw layout, for parser tests."""

UN_STORY = """

**UN NEWS CENTRE**

With breaking stories and  
newswire products from

## **Envoy opens talks on river basin water sharing**

Special Envoy Mara Eklund (centre) with delegates in Nairobi

3 March 2014 – The United Nations [Special Envoy](#) Mara Eklund today opened **two days** of talks in Nairobi on sharing the waters of the river basin.

“We have a narrow window,” Ms. Eklund said.

News Tracker: past stories on this issue

[Envoy visits basin countries](#)
[Drought talks postponed](#)
"""

PLAIN_STORY = """Harbour strike enters second week

Dock workers in Port Aldous kept picket lines in place on Monday.

"We will stay out until the offer improves," said union leader Jonas Pr&#233;vost.
The port authority said talks would resume.
"""

REUTERS_STORY = """<REUTERS TOPICS="YES" NEWID="7">
<DATE>12-MAR-1987 09:41:07.00</DATE>
<PLACES><D>usa</D></PLACES>
<TEXT>&#2;
<TITLE>ACME &lt;ACM> RAISES DIVIDEND</TITLE>
<DATELINE>    CHICAGO, March 12 - </DATELINE><BODY>Acme Corp said its board raised
the quarterly dividend to 20 cts from 18 cts.
    The company said the dividend is payable April 30.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
"""
