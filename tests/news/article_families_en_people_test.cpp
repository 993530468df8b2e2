// The article importer's English families about people: titles before and after names,
// founders, appointments, and the distractors they must leave alone (helpers:
// article_families.h).
#include <gtest/gtest.h>

#include <string>

#include "tests/news/article_families.h"

namespace relgraph::importers {
namespace {

using families::Expect;
using families::Facts;

TEST(ArticleFamilies, TitlesInEnglish) {
  Expect("Zentrix Labs builds robots for warehouses.\n\nChief Executive Maria Lopez said the company would hire.", "en",
         {"Maria Lopez works_at Zentrix Labs"});
}

TEST(ArticleFamilies, PeopleAndTheirCompaniesInEnglish) {
  Expect("Lena Ortiz and Tom Becker, co-founders of fast-growing AI startup Vantic Labs, joined Microsoft.", "en",
         {"Lena Ortiz founded Vantic Labs", "Tom Becker founded Vantic Labs"});
  Expect("Vantic Labs was founded in 2021 by LinkedIn co-founder Ada Novak and two engineers.", "en", {"Ada Novak founded LinkedIn", "Ada Novak founded Vantic Labs"});
  Expect("Founded in 2019, Quillo counts Harbor Lane Capital and Oakfield Partners among its investors.", "en",
         {"Harbor Lane Capital invests_in Quillo", "Oakfield Partners invests_in Quillo"});
  Expect("DeepMind, which was purchased by Google in 2014, builds Gemini. YouTube is a Google-owned service.", "en",
         {"Google acquires Google DeepMind"});
}

TEST(ArticleFamilies, EnglishDealsPeopleAndModifiers) {
  // Purchases written as nouns, and verbs after "by ...ing" that own their object.
  Expect("Quillon Robotics's purchase of Danish startup Veltro Labs closed in May.", "en", {"Quillon Robotics acquires Veltro Labs"});
  Expect("Oracle followed by acquiring security company Zentrix Systems.", "en", {"Oracle acquires Zentrix Systems"},
         {"Zentrix Systems acquires Oracle"});
  // A hyphenated modifier is no part of the name; month abbreviations and adverbs name nobody.
  Expect("Thus, Roche Holding acquired Boston-based Veltro Health for $1.2B in Feb 2024.", "en", {"Roche Holding acquires Veltro Health"},
         {"Roche Holding acquires Boston-based Veltro Health"});
  EXPECT_EQ(Facts("Thus, Roche Holding acquired Boston-based Veltro Health for $1.2B in Feb 2024.", "en").size(), 1u);
  // Agreements are partnerships; a person who heads an organisation works there.
  Expect("In July, Amazon inked a similar agreement with Quillon Robotics, a startup that builds warehouse agents.", "en",
         {"Amazon partners_with Quillon Robotics"});
  Expect("The decision was explained by Mara Lindqvist, who heads the Allen Institute for AI.", "en",
         {"Mara Lindqvist works_at Allen Institute for AI"});
  // A title after another organisation belongs to it, not to the sentence's subject.
  Expect("Microsoft invested in Quillon Robotics and hired its staff, including co-founders Mara Lindqvist and Tomas Berg.", "en",
         {"Microsoft invests_in Quillon Robotics"}, {"Mara Lindqvist founded Microsoft", "Tomas Berg founded Microsoft"});
}

TEST(ArticleFamilies, AlliancesTheirFoundersAndMembers) {
  // Forming an alliance founds it and joins it; "participants include" and "the alliance
  // includes ..., including" list members, reaching back to the alliance named before.
  Expect("IBM and Sony formed the Open Model Alliance last week to promote open models.\n\n"
         "Participants include chip makers AMD and Cerebras, and startups like Hugging Face.\n\n"
         "The Open Model Alliance also includes several research institutions, including CERN and NASA.",
         "en",
         {"IBM founded Open Model Alliance", "IBM member_of Open Model Alliance", "Sony Group member_of Open Model Alliance",
          "AMD member_of Open Model Alliance", "Cerebras Systems member_of Open Model Alliance", "CERN member_of Open Model Alliance",
          "NASA member_of Open Model Alliance"});
  // "Backers include" stays one cue: its first word is no company.
  Expect("Quillon Robotics raised new money this year.\n\nBackers include Accel and Index Ventures.", "en",
         {"Accel invests_in Quillon Robotics", "Index Ventures invests_in Quillon Robotics"}, {"Accel invests_in Backers"});
  // An alliance "led by" members is no investment.
  Expect("A new group called the Open Model Alliance, led by Intel and Sony, has been set up.", "en", {},
         {"Intel invests_in Open Model Alliance"});
}

TEST(ArticleFamilies, EnglishAppositionsAndFoundersWithTitles) {
  // "X, the VC firm founded by P": the apposition describes X and refers to nothing earlier.
  Expect("Plumgrid raised $16.2M in Series B funding led by Longworth Venture Partners.\n\n"
         "Blossom Capital, the VC firm founded by Ophelia Brown, is announcing a new program.",
         "en", {"Ophelia Brown founded Blossom Capital"}, {"Ophelia Brown founded Plumgrid"});
  // Everything up to a hyphenated modifier is no part of a name; "by TITLE PERSON" makes the
  // person the agent.
  Expect("San Francisco-based Quillon Robotics was founded in 2011 by chief executive Ari Tulla.", "en",
         {"Ari Tulla founded Quillon Robotics"}, {"Ari Tulla founded San Francisco-based Quillon Robotics"});
}

TEST(ArticleFamilies, EnglishFamilyNamesReferBack) {
  // After "Anna Vellard" is named in full, "Vellard" alone is her; a lower-case word that spells
  // a family name ("dean") is nobody, nor is the name inside a longer capitalised run.
  const std::string text =
      "Quillo Labs hired Anna Vellard and Tom Dean last year.\n"
      "Vellard joined Norvane Robotics in 2019.\n"
      "The dean of engineering at Tessel University praised the move, and Dean Harlow Partners agreed.";
  Expect(text, "en", {"Anna Vellard works_at Norvane Robotics", "Anna Vellard works_at Quillo Labs"},
         {"Tom Dean works_at Tessel University", "Tom Dean works_at Dean Harlow Partners"});
}

TEST(ArticleFamilies, EnglishTitlesAfterCopulasAndAttributions) {
  // "X was co-founder of Y" (founded stays true; the past job gives no works_at), "X, who is
  // currently dean of ... at Y", "According to ORG CEO, PERSON".
  Expect("Mara Quist was co-founder of Tessel Networks, and served as its chief technology officer.", "en", {"Mara Quist founded Tessel Networks"});
  Expect("Mara Quist was chief technology officer of Tessel Networks until 2019.", "en", {}, {"Mara Quist works_at Tessel Networks"});
  Expect("The lab will be led by Anna Vellard, who is currently dean of computer science at Norvane University.", "en",
         {"Anna Vellard works_at Norvane University"});
  Expect("According to Quillo Labs CEO, Anna Vellard, the new unit starts in May.", "en", {"Anna Vellard works_at Quillo Labs"});
}

TEST(ArticleFamilies, EnglishTitleOfOrganisationBeforeThePerson) {
  // "TITLE of ORG PERSON" with no comma: the person after the organisation holds the title.
  Expect("Speakers included President of Global Affairs of Quillo Labs Nina Sorel and others.", "en", {"Nina Sorel works_at Quillo Labs"});
  Expect("CEO of Norvane Robotics Anna Vellard said the deal closed.", "en", {"Anna Vellard works_at Norvane Robotics"});
  // No title, no job.
  Expect("The report of Quillo Labs Anna Vellard wrote was long.", "en", {}, {"Anna Vellard works_at Quillo Labs"});
}

TEST(ArticleFamilies, EnglishAppointmentsAndAppositionsToTheEnd) {
  // "ORG appointed/promoted PERSON", "ORG executive PERSON".
  Expect("Quillo Systems promoted Maria Novak to chief technology officer.", "en", {"Maria Novak works_at Quillo Systems"});
  Expect("Vantic Labs appointed Norma Labs executive Ada Novak to head its cloud group.", "en",
         {"Ada Novak works_at Norma Labs", "Ada Novak works_at Vantic Labs"});
  // An apposition to a name may run to the end of the sentence.
  Expect("Quillo Systems said Ada Novak left to run Vega Nine, a new company formed by investors including Harbor Lane.", "en",
         {"Harbor Lane invests_in Vega Nine"}, {"Harbor Lane invests_in Quillo Systems"});
}

TEST(ArticleFamilies, EnglishBareTitleOfTheTopic) {
  // A bare title in a sentence naming no other organisation belongs to the topic before.
  Expect("Quillo Systems formed a new unit on Tuesday. Maria Novak will lead it and report to Chief Executive Officer John Harbor.", "en",
         {"John Harbor works_at Quillo Systems"});
  Expect("Quillo Systems formed a new unit on Tuesday. Norma Labs said Chief Executive Officer John Harbor will attend.", "en", {},
         {"John Harbor works_at Quillo Systems"});
}

TEST(ArticleFamilies, LedByAPersonIsNoInvestment) {
  // "led by CEO X" names who runs it: X is the person (no "CEO X"), and no investor.
  Expect("Quillo Systems, led by CEO Ada Novak, released Norma.", "en", {"Ada Novak works_at Quillo Systems"},
         {"Ada Novak invests_in Quillo Systems", "CEO Ada Novak invests_in Quillo Systems"});
}

TEST(ArticleFamilies, EnglishPersonsBehindOrganisations) {
  // "PERSON-led COMPANY" names who leads it; "PERSON's firm" is an organisation, not the person.
  Expect("Mira Murati-led Thinking Machines Lab raised $2 billion.", "en", {"Mira Murati works_at Thinking Machines Lab"});
  Expect("Elon Musk founded xAI in 2023. Musk's firm is the developer of Grok.", "en", {"Elon Musk founded xAI"}, {"Elon Musk develops Grok"});
}

TEST(ArticleFamilies, EnglishFieldTitlesAndRoundMembers) {
  // Field words between an organisation and its title ("Norma Labs robotics chief X"), "chief …
  // scientist", and "the series A+ round includes A, B and C" (investors of the raiser).
  Expect("Today was fine.\n\nNorma Labs robotics chief Ada Novak will lead the new team.\n\n"
         "Ben Ortiz will be promoted as Quillo Systems' chief AI scientist.",
         "en", {"Ada Novak works_at Norma Labs", "Ben Ortiz works_at Quillo Systems"});
  // No person after the title: the words are no field ("Google said its chief rival ...").
  Expect("Today was fine.\n\nNorma Labs said its chief rival Vantic Labs grew fast.", "en", {}, {"Vantic Labs works_at Norma Labs"});
  Expect("Vantic Labs raised $20 million last year.\n\nThe series A+ round also includes Harlow Capital, Brisk Ventures and Tamsin Partners.", "en",
         {"Harlow Capital invests_in Vantic Labs", "Brisk Ventures invests_in Vantic Labs", "Tamsin Partners invests_in Vantic Labs"});
}

TEST(ArticleFamilies, EnglishAppositionsOfGovernedPersonsAndCoFounding) {
  // "report to X, Y's CTO": the apposition describes X whatever its role in the sentence, and
  // the sentence's subject holds no title from it; "went on to co-found Y".
  Expect("Today was fine.\n\nSeveral leaders will work under Ada Novak, who will report to Mike Tosh, Quillo Systems' CTO.", "en",
         {"Mike Tosh works_at Quillo Systems"}, {"Ada Novak works_at Quillo Systems"});
  Expect("Today was fine.\n\nAda Novak is a professor at Quillo University. She went on to co-found Vantic Labs in 2017.", "en",
         {"Ada Novak founded Vantic Labs"});
}

TEST(ArticleFamilies, EnglishHonorificsAndVicePresidents) {
  // A courtesy word before a name is no part of it and says it is a person ("Dr. Brin Tosh");
  // "VP", "corporate VP" and "board member" are titles.
  Expect("Today was fine.\n\nNorma Labs chief scientist Dr. Brin Tosh said so. Quillo Systems corporate VP Dr. Mike Tosh agreed.", "en",
         {"Brin Tosh works_at Norma Labs", "Mike Tosh works_at Quillo Systems"}, {"Dr. Brin Tosh works_at Norma Labs"});
}

TEST(ArticleFamilies, EnglishListsOfTitledPersonsAndFormerEmployers) {
  // "by A co-founder X and B partner Y": the list runs from person to person past each title's
  // organisation, and takes the role the first organisation had; a title before its holder is no
  // trigger ("partner"); "hired former A and B executive X": X is hired, and both jobs are past.
  Expect("Norma Labs raised $20 million. The round was led by Google co-founder Sergey Brin and Vantic Capital partner Mike Tosh.", "en",
         {"Sergey Brin invests_in Norma Labs", "Mike Tosh invests_in Norma Labs", "Mike Tosh works_at Vantic Capital"},
         {"Google invests_in Norma Labs", "Vantic Capital invests_in Norma Labs", "Vantic Capital partners_with Mike Tosh"});
  Expect("Today was fine.\n\nQuillo Systems has hired former Intel and Coursera executive Ada Novak as its first chief operating officer.", "en",
         {"Ada Novak works_at Quillo Systems"}, {"Ada Novak works_at Intel", "Ada Novak works_at Coursera", "Intel works_at Quillo Systems"});
}

TEST(ArticleFamilies, EnglishSpeakersFoundersAndReturns) {
  // "X announced Tuesday it raised …": "it" is X.
  Expect("Groq makes chips. Lambda Labs announced Tuesday it raised $1.5 billion in a round led by TWG Global.", "en",
         {"TWG Global invests_in Lambda Labs"}, {"TWG Global invests_in Groq"});
  // A person who launches a company founds it; "formed by" names founders.
  Expect("Elon Musk runs Tesla. Musk launched xAI in July 2023.", "en", {"Elon Musk founded xAI"});
  Expect("Quillo Partners is an investment firm formed by billionaires Thomas Tull and Mark Walter.", "en",
         {"Thomas Tull founded Quillo Partners", "Mark Walter founded Quillo Partners"});
  Expect("Microsoft launched Copilot in 2023.", "en", {"Microsoft develops Microsoft Copilot"}, {"Microsoft founded Microsoft Copilot"});
  // Returning to a company is working there.
  Expect("Character.AI co-founder Noam Shazeer is to return to Google.", "en", {"Noam Shazeer works_at Google", "Noam Shazeer founded Character.AI"});
  // "unveiled a chatbot, Le Chat": the name set off after a kind word is the object.
  Expect("Mistral also unveiled a chatbot, Le Chat, powered by the new model.", "en", {"Mistral AI develops Le Chat"});
}

TEST(ArticleFamilies, EnglishListsTitlesWithFieldsAndMakersBehind) {
  // An article or a place before a list item keeps the list: "Kroger, The Traton Group and Navistar".
  Expect("Vantic Systems has raised $350m from investors including Goodyear, Union Pacific, US Xpress, Kroger, The Traton Group and Navistar.", "en",
         {"Goodyear invests_in Vantic Systems", "Kroger invests_in Vantic Systems", "Traton Group invests_in Vantic Systems", "Navistar invests_in Vantic Systems"});
  // ... but an apposition after a comma names no further member.
  Expect("Quillo Labs has received an investment of $1.5 billion from Microsoft, the Harbor Media Office said.", "en", {"Microsoft invests_in Quillo Labs"},
         {"Harbor Media Office invests_in Quillo Labs"});
  // A title with its field before the person's apposition.
  Expect("Filler line. Windsurf's head of business, Jeff Wang, has been appointed its interim CEO.", "en", {"Jeff Wang works_at Windsurf"});
  Expect("Filler line. Nvidia's vice president of global sales, Jeff Wang, spoke.", "en", {"Jeff Wang works_at Nvidia"});
  Expect("Filler line. The CEO of Google, Sundar Pichai, spoke.", "en", {"Sundar Pichai works_at Google"});
  Expect("Filler line. The CEO of Google, Microsoft and Meta spoke.", "en", {}, {"Microsoft works_at Google"});
  // "the team behind X", "the company behind X": X is the maker's product.
  Expect("Quillo Labs, the company behind Pendra, raised money.", "en", {"Quillo Labs develops Pendra"});
  Expect("Quillo Labs, the team behind the AI coding agent Pendra, raised money.", "en", {"Quillo Labs develops Pendra"});
  // A legal form after a suffixed name stays out of its canonical name.
  Expect("Vantic Systems agreed to acquire Norma Labs Ltd.", "en", {"Vantic Systems acquires Norma Labs"});
}

TEST(ArticleFamilies, EnglishPeopleOfOrganisationsAndNewTriggers) {
  // "PERSON of ORG", "PERSON, an analyst with ORG" (a place may stand inside a name after "of"),
  // "working with", "customer of", "received investments from", and a dotted place abbreviation
  // before the name a preposition takes.
  Expect("Filler line. The launch drew praise from Nathan Lambert of the Allen Institute for AI.", "en",
         {"Nathan Lambert works_at Allen Institute for AI"});
  Expect("Filler line. Dana Reyes, an analyst with Bank of Harbor International, said the deal was small.", "en",
         {"Dana Reyes works_at Bank of Harbor International"});
  Expect("Filler line. Nvidia is partnering with the U.S. Department of Energy to build new supercomputers.", "en",
         {"Nvidia partners_with United States Department of Energy"});
  Expect("Filler line. Quillo Labs has become a new foundry customer of Samsung Electronics.", "en", {"Samsung Electronics supplies Quillo Labs"});
  Expect("Quillo Labs is a startup in Toronto. It had received investments from Harbor Ventures and Oakfield Capital.", "en",
         {"Harbor Ventures invests_in Quillo Labs", "Oakfield Capital invests_in Quillo Labs"});
}

TEST(ArticleFamilies, EnglishTitlesGivenByAppointment) {
  // Appointing copulas, a photo note between name and title, "-elect", "for" before the employer.
  Expect("Ravi Anand (pictured), president and CEO-elect at Tessel Compute, said the deal closes this year.", "en",
         {"Ravi Anand works_at Tessel Compute"});
  Expect("Lena Ortiz will serve as executive vice president of Tessel Compute.", "en", {"Lena Ortiz works_at Tessel Compute"});
  Expect("Tom Becker has been appointed chief scientist for the Tessel Compute research unit.", "en", {"Tom Becker works_at Tessel Compute"});
}

TEST(ArticleFamilies, EnglishCoFoundersNamedWithWith) {
  // "A founded C with B and D": B and D founded C too.
  Expect("Yang Zhilin, who founded Moonshot AI with Zhou Xinyu and Wu Yuxin, said it would raise more.", "en",
         {"Yang Zhilin founded Moonshot AI", "Zhou Xinyu founded Moonshot AI", "Wu Yuxin founded Moonshot AI"});
}

TEST(ArticleFamilies, EnglishGroupTitlesAndTitlesAfterTo) {
  // "Group CEO of X" is a title ("Group" no name); "report to X CEO Y" names Y's employer.
  Expect("Lena Ortiz, Group CEO of Tessel Compute, said it.", "en", {"Lena Ortiz works_at Tessel Compute"});
  Expect("Tom Becker will report to Tessel Compute CEO Lena Ortiz.", "en", {"Lena Ortiz works_at Tessel Compute"});
}

TEST(ArticleFamilies, EnglishPersonsOfOrganisations) {
  // "Nvidia's P": P works at Nvidia (a possessive mark, not "generations of AMD Instinct GPUs");
  // "P, CEO of A and B": P works at both.
  Expect("Quarry Labs' Dario Amodei said the chips are ready.", "en", {"Dario Amodei works_at Quarry Labs"});
  Expect("Nvidia's Satya Nadella said the chips are ready.", "en", {"Satya Nadella works_at Nvidia"});
  Expect("The deal will use several generations of AMD Instinct GPUs.", "en", {}, {"Instinct GPUs works_at AMD"});
  Expect("Mara Velden, CEO of Harbor Capital and Quarry Labs, spoke on Monday.", "en",
         {"Mara Velden works_at Harbor Capital", "Mara Velden works_at Quarry Labs"});
}

TEST(ArticleFamilies, EnglishAmountsAndRoundsNameNobodyAndShortNamesBeforeTitles) {
  // "USD7 million" and "Series B" name no party; "Harbor Freight Chief Executive X" names the
  // organisation by its short form before a title.
  Expect("Quarry Labs raised USD7 million in a round led by GreatPoint Ventures.", "en", {"GreatPoint Ventures invests_in Quarry Labs"},
         {"USD7 invests_in Quarry Labs"});
  Expect("Other co-investors in Quarry Labs' Series B round included Celesta Capital.", "en", {"Celesta Capital invests_in Quarry Labs"},
         {"Series B works_at Quarry Labs"});
  Expect("Harbor Freight International Corp bought a stake in TuSimple. Harbor Freight Chief Executive John Park said the deal closed.", "en",
         {"John Park works_at Harbor Freight International"}, {"John Park works_at Harbor Freight"});
}

TEST(ArticleFamilies, EnglishPossessedTitlesAndCitedSources) {
  // "P, the company's co-founder": P is a person who founded the company; "in an interview with
  // CNBC" cites a source, which no later "the company" stands for.
  Expect("Quarry Labs builds robots. Growth was fast, said Parker Harris, the company's co-founder, in an interview with CNBC. "
         "The company acquired Northwind Robotics.",
         "en", {"Parker Harris founded Quarry Labs", "Quarry Labs acquires Northwind Robotics"},
         {"Parker Harris acquires Northwind Robotics", "CNBC acquires Northwind Robotics"});
  Expect("Quarry Labs builds robots. Its engineers ran tests, an executive said in an interview with CNBC. The company acquired Northwind Robotics.",
         "en", {"Quarry Labs acquires Northwind Robotics"}, {"CNBC acquires Northwind Robotics"});
}

TEST(ArticleFamilies, EnglishTitlesSetOffPluralAndGiven) {
  // "ORG's president, P,"; "appointed P as its TITLE"; "ORG's outgoing president and CEO";
  // plural titles name every listed person; "agreed to purchase … specialist X".
  Expect("Quarry Labs' president, Cheng Lu, said the network runs on fixed routes.", "en", {"Cheng Lu works_at Quarry Labs"});
  Expect("JPMorgan Chase appointed Teresa Heitsenrether as its chief data and analytics officer.", "en",
         {"Teresa Heitsenrether works_at JPMorgan Chase"});
  Expect("Pekka Lundmark, Nokia's outgoing president and CEO, said the deal closed.", "en", {"Pekka Lundmark works_at Nokia"});
  Expect("Quarry Labs co-presidents Andy Saperstein and Dan Simkowitz wrote in a memo.", "en",
         {"Andy Saperstein works_at Quarry Labs", "Dan Simkowitz works_at Quarry Labs"});
  Expect("Quarry Labs co-founders John Park and Mary Lee wrote in a memo.", "en", {"John Park founded Quarry Labs", "Mary Lee founded Quarry Labs"});
  Expect("Microsoft has agreed to purchase speech recognition and artificial intelligence specialist Nuance for $16 billion.", "en",
         {"Microsoft acquires Nuance Communications"});
}

TEST(ArticleFamilies, EnglishTitlesAfterDescribingWordsAndRelativeCopulas) {
  // "X, the billionaire founder of Y", "X, who currently serves as the director of Y": one
  // describing word after the determiner, a relative clause's copula before the title.
  Expect("John Park, the billionaire founder of Quarry Labs Inc., said on Monday he would step back.", "en", {"John Park founded Quarry Labs"});
  Expect("John Park, who currently serves as chair of Quarry Labs, will join the board.", "en", {"John Park works_at Quarry Labs"});
  // (A describing word is one word: "the founder of" stays the title's own place.)
  Expect("John Park, the man who sold the founder of Quarry Labs a car, spoke.", "en", {}, {"John Park founded Quarry Labs"});
}

TEST(ArticleFamilies, EnglishSpeakerAfterAQuoteNamingOthers) {
  // The names inside a quotation do not compete for the title of its speaker outside it.
  Expect("Quarry Labs opened a lab in Tokyo. “Working with Nvidia has been a turning point for Quarry Labs,” chief executive John Park said.",
         "en", {"John Park works_at Quarry Labs"}, {"John Park works_at Nvidia"});
}

TEST(ArticleFamilies, EnglishBareTitleOfTheSubjectPastAnotherOrganisationsTitle) {
  // "X named A, Y's chief technology officer, … reports to CEO B": Y holds its own title,
  // so the bare one is the subject's; in a list of "ORG TITLE PERSON" items a bare title is not.
  Expect("Quarry Labs named Mara Quist, Nvidia's chief technology officer, as head of research, a post that reports to CEO John Park.", "en",
         {"John Park works_at Quarry Labs"}, {"John Park works_at Nvidia"});
  Expect("Quarry Labs CEO Mara Quist appeared at the summit alongside OpenAI CEO Sam Altman and President John Park.", "en", {},
         {"John Park works_at Quarry Labs", "John Park works_at OpenAI"});
}

}  // namespace
}  // namespace relgraph::importers
