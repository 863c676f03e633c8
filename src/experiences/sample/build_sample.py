#!/usr/bin/env python3
"""Build the bundled synthetic sample data set of `experiences`.

Every title, post, comment and CSV text in this file was written for the project. None of it
is a real person's post, and none of it was copied or paraphrased from any real corpus. The
usernames, e-mail addresses, phone numbers and URLs are invented: e-mail and web addresses use
the reserved example.com / example.org domains, US phone numbers use the 555 range, UK numbers
the Ofcom drama ranges (07700 900xxx, 020 7946 0xxx, 0161 496 0xxx).

Running this script rewrites, deterministically (fixed seed, no network):

    reddit_sample.jsonl   submissions and comments shaped like Reddit API `data` dicts,
                          plus planted duplicates and malformed lines
    exports_sample.csv    plain records: id,title,text,author,created_utc
    pii.json              ground truth of the personal data planted in both files
    README.md             what is in the files (counts are computed here)

    python src/experiences/sample/build_sample.py
"""
from __future__ import annotations

import csv
import io
import json
import random
import re
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20240917

T0 = datetime(2021, 1, 3, tzinfo=timezone.utc).timestamp()
T1 = datetime(2024, 12, 20, tzinfo=timezone.utc).timestamp()
T_END = datetime(2024, 12, 31, 23, 0, tzinfo=timezone.utc).timestamp()

DELETED = "[deleted]"


def S(author, title, text, sub="microdosing", comments=(), when=None, follows=None):
    """A submission. Dates follow list order, unless `when` ("YYYY-MM-DD") pins one or
    `follows` = (title of an earlier submission, days) places a follow-up that many days later."""
    return {"author": author, "title": title, "selftext": text.strip("\n"), "subreddit": sub,
            "comments": list(comments), "when": when, "follows": follows}


def C(author, body, *replies):
    """A comment; `replies` are comments answering it."""
    return {"author": author, "body": body.strip("\n") if body is not None else None,
            "replies": list(replies)}


POSTS: list[dict] = []

# ---------------------------------------------------------------------------------------------
# Submissions with their comment trees, in chronological order (dates are assigned in list
# order unless `when` pins one). Written for this project; see the module docstring.
# ---------------------------------------------------------------------------------------------
POSTS += [
S("throwaway_md42", "Day 1 of Fadiman, 0.1g golden teacher", """
Long time lurker, first post. Took 0.1g of golden teacher this morning around 8 with a coffee and some toast. Plan is the Fadiman protocol (one day on, two days off) for at least 30 days, then reassess.

Honestly not much to report yet. Maybe slightly more chatty at work? Could be placebo. No headaches at all, which was my main worry. Will update.
""", comments=[
    C("Fern_and_Static", "Welcome! 0.1g is a sensible place to start. Keep a little journal, the effects are subtle enough that you'll forget what the days felt like otherwise.",
      C("throwaway_md42", "Thanks, started a notes file on my phone. Will do.")),
    C("quietkestrel88", "Placebo is a big factor at these doses, worth keeping in mind when you read your own notes back. Not saying it's nothing, just that it's hard to tell from the inside."),
]),

S("mossy_bicycle_3", "Can it cause anxiety?", """
I have a history of panic attacks (been fine for 2 years now). Thinking about trying microdosing for low mood but I'm scared it'll bring the panic back. Can it cause anxiety? Anyone with a similar history?
""", comments=[
    C("Fern_and_Static", "Some people do get an anxiety spike, especially if the dose is a bit too high or taken on an empty stomach. If you try it, go really low (like 0.05g) and do your first dose on a day off, at home."),
    C(DELETED, "[deleted]",
      C("velvet_thermos", "why was this deleted, it was actually useful")),
    C("nerdy_nuthatch", "For what it's worth I have panic disorder and mushrooms made me MORE anxious, even at 0.1. Had a mini panic attack in a supermarket on day 3 and stopped. Everyone's different but go slow.",
      C("mossy_bicycle_3", "Oof, sorry that happened. That's exactly the thing I'm afraid of. Thanks for being honest.")),
]),

S("lysergic_linnea", "10ug every third day for 2 months - notes", """
Some notes after ~2 months of 10ug (1P-LSD, volumetric, 1 ml of solution = 10ug) every third day.

**Good**
- focus at work is genuinely better, I get into flow for long stretches
- more patient with my kids
- more creative with my drawing, filled a whole sketchbook

**Less good**
- dose days I'm a bit wired in the evening and it takes ages to fall asleep
- a mild headache around hour 5 on maybe a third of dose days

Overall keeping it going. Not life changing, but noticeably positive.
""", sub="LSD", comments=[
    C("quietkestrel88", "How are you making the solution? Distilled water or alcohol?",
      C("lysergic_linnea", "One tab in 10 ml of distilled water in an amber bottle, kept in the fridge. Fresh batch every couple of weeks.")),
    C("Sporeprint_Sam", "The evening wired thing is why I moved my dose to 7am. Made a big difference for me."),
]),

S("Tangerine_Owl_19", "I microdose for my depression, 3 months in", """
I microdose for my depression, which has been pretty stubborn for most of my twenties. 0.15g dried cubes, every other day. Three months in.

It isn't a miracle but I'd say my mood is better most weeks, and the really dark mornings are less frequent. I'm also way less snappy with my partner. Downsides: some days I get a bit of nausea about 45 min after, which ginger tea helps with.
"""),

S("harbor_lights_kx", "Stamets stack question — lion's mane dose?", """
Planning to start the Stamets stack next week: psilocybin + lion's mane + niacin, 4 days on 3 off. My caps are 0.1g caps of PE and I bought 500mg lion's mane capsules and 100mg niacin.

Is 100mg niacin enough to get the flush people talk about, or is that not even the point? Also has anyone had issues mixing with coffee?
""", comments=[
    C("Sporeprint_Sam", "100mg niacin will usually give a flush, yeah. Warm, red, itchy for 20-30 min. Harmless but a bit weird the first time. Coffee's fine for most people, but if you get jittery, cut it back on dose days."),
]),

S("BrineShrimpBarry", "Anyone know a good dehydrator for drying (cooking) mushrooms?", """
Not microdosing related, sorry mods. My oyster mushrooms from the farmers market keep going slimy before I can use them. Is a cheap dehydrator worth it or do I just use the oven at the lowest setting? Budget is like $30.
"""),

S("velvet_thermos", "1/10 tab and I felt it way more than expected", """
cut a tab into 10 with scissors (I know, I know, not accurate) and took 1/10 tab before work. by 11am I had mild visuals, the carpet was breathing a little and my coworker's voice sounded weird. definitely felt high, not sub-perceptual at all. had to go sit in my car for a while. lesson learned, doing volumetric next time
""", sub="LSD", comments=[
    C("lysergic_linnea", "Yep, tabs aren't evenly loaded either, the LSD can sit more in one corner. Volumetric solves both problems."),
]),

S("no_more_grey_days", "Week 4 update: calmer, but tired", """
Quick update. 4 weeks of .1g every third day.

+ I'm calmer overall, less overthinking at night
+ better mood on dose days for sure
- the day after a dose I'm exhausted, like properly drained by 3pm

Anyone else get the next-day fatigue? Thinking of dropping to .05
""", comments=[
    C("throwaway_md42", "Same here on the day after!! I thought it was just me."),
    C("Saltmarsh_Ruth", "Are you sleeping OK on dose nights? For me the 'day after' tiredness was really just bad sleep the night before.",
      C("no_more_grey_days", "Hm, good question. I do wake up around 4am sometimes on dose nights. Will track it.")),
]),

S(DELETED, "Bad experience, please read before you start", """
I want to share this because nobody talks about it. Started with 0,15 g truffles, daily, because I figured more is better. After a week I was irritable all the time, had a constant low-level headache and snapped at my girlfriend over nothing. The second week I had heart palpitations at night and couldn't sleep.

Stopped completely and it all went away within a few days. Please don't dose daily, take breaks.
""", comments=[
    C("Fern_and_Static", "Thanks for posting this. Daily dosing builds tolerance fast and it's one of the most common ways people get into trouble here."),
]),

S("Kettle_of_Finches", "Does anyone else feel nothing at all?", """
Two weeks, 100 mg of shrooms on Mondays and Thursdays. I genuinely felt nothing. No noticeable effect on mood, energy, anything. Am I doing something wrong or is it just placebo for everyone else lol
""", comments=[
    C("quietkestrel88", "Honestly both can be true. Potency varies a lot between batches, so 100mg of one batch can be very different from another. Try 150-200mg on a day off before concluding anything."),
    C("Sporeprint_Sam", "Did you grind and mix the whole batch? If not, the bit you weighed might just be stem-heavy.",
      C("Kettle_of_Finches", "...no. I just broke off a bit of a cap each time. Oops.")),
    C("the_patient_gardener", "Felt nothing for the first 3 weeks too. Then one day I realised I hadn't had a bad anxiety morning in a while. It's subtle."),
]),

S("SundayScaries_Sid", "Microdosing vs. caffeine + L-theanine for focus?", """
Software dev here. I've been doing 200mg caffeine + 400mg L-theanine for years for focus. A friend swears by microdosing LSD (he does 8-12ug twice a week). For people who've done both: is the focus improvement noticeably different, or is it mostly the same "alert but calm" thing?
""", sub="Nootropics", comments=[
    C("NomadicNeuron", "Different in kind for me. Caffeine = more energy, narrower. A microdose = less of an energy boost but I'm more flexible, I jump between ideas more easily. For pure grind-it-out coding caffeine wins."),
    C("lysergic_linnea", "For me LSD on top of coffee was too much, made me jittery and on edge. I skip coffee on dose days now."),
]),

S("slowbloom_jo", "0.05g and I already feel too much?", """
Is it normal to feel a bit dizzy and light-headed on just 0.05g? It lasted about 2 hours. It's my third time and it happens every time. Otherwise I feel fine, maybe a bit more present with things.
""", comments=[
    C("cold_brew_cassie", "Do you eat before? I get light-headed when I dose on an empty stomach.",
      C("slowbloom_jo", "I don't! Will try with breakfast tomorrow, thanks.")),
]),

S("NomadicNeuron", "6 months of microdosing LSD as a software engineer: a long, honest write-up", """
TL;DR: net positive, but less dramatic than the internet told me, and I had to change my schedule twice.

## Background
Mid 30s, software engineer, mild ADHD (diagnosed, unmedicated), a couple of depressive episodes in the past. I'm not dosing for depression specifically, more out of curiosity and because I was stuck in a rut at work. 70kg, which matters for dosing apparently (or doesn't, opinions differ).

## Substance and dosing
1cP-LSD, dissolved one blotter in 10 ml of distilled water. Started at 10 µg, later went down to ~7ug because 10 was occasionally too much — on two occasions I noticed slight tracers on my monitor and a sort of glassy feeling, which is not what I want at work.

## Schedule
- Months 1-2: Fadiman (one day on, two off). Fine, but I kept forgetting which day I was on.
- Months 3-4: Monday and Thursday. Much easier to remember. This is what I'd recommend.
- Months 5-6: weekdays only, out of greed. Bad idea, see below.

## What got better
- **Focus.** The biggest one. I'd get into a flow state with a hard problem, look up, and two hours were gone. Not every dose day, maybe 60% of them.
- **Mood.** Hard to separate from spring arriving, but I was lighter. Less of the grey background hum.
- **Social stuff.** I'm usually quiet in meetings; on dose days I spoke up more and felt more connected to the team.
- **Sleep** on the nights *after* a dose was deeper, oddly.

## What got worse
- Dose days sometimes came with jaw clenching in the afternoon. Magnesium helped a bit.
- Cold hands and feet, every single dose day. Minor, but consistent.
- On the weekdays-only schedule, by week 3 I felt flat and emotionally blunted, like everything was behind glass. And I wasn't feeling the benefits anymore anyway (tolerance). Took two weeks completely off and it reset.

## Things I'd tell myself 6 months ago
1. Volumetric dosing from day one.
2. Keep a log. I used a spreadsheet with a 1-5 score for mood, focus and anxiety every evening. Without it I would have fooled myself in both directions.
3. Don't chase the feeling. If you feel it, it's too much.
4. Tell one person in your life what you're doing.

Happy to answer questions. I'm not going to share sources, please don't ask.
""", sub="LSD", comments=[
    C("SkepticalScientist_9", "Great write-up. The log point is underrated. Did you blind yourself at all? Even a crude self-blind (a friend prepares plain water vs. solution) would be interesting.",
      C("NomadicNeuron", "Didn't blind, no. I know it's the obvious weakness. I'd love to try it, but my partner refused to be my lab tech 😅")),
]),

S("cold_brew_cassie", "Penis envy hits different", """
Switched from golden teacher to penis envy and wow, my usual .1g is too much now. Yesterday I had to stop working because I was spacey and couldn't concentrate on anything, kept reading the same email over and over. Dropping to 0.05g of PE. Anyone know the rough conversion?
""", comments=[
    C("Sporeprint_Sam", "PE is often quoted at 1.5-2x the potency of GT, but it varies a lot. Halving is a reasonable start."),
    C("mothlight_mira", "same experience, PE made me foggy at doses where GT was perfect"),
]),

S("okay_but_why_2021", "Mod team: can we get a filter for source requests?", """
Every day there are 3-4 posts asking where to buy. It's against the rules and it attracts scammers into the comments. Can we get an automod filter? The sidebar literally says no sourcing.
"""),

S("harbor_lights_kx", "Stamets stack week 2 – niacin flush is intense", """
Follow-up to my earlier post. Doing 4 days on 3 off with 0.1g caps + 500mg lion's mane + 100mg niacin.

The flush is intense for the first 20 min: my face goes bright red and I get hot flashes and tingling all over my arms. After that it's fine. Mood is good and I feel more motivated to get stuff done around the house, without any jitters.
""", follows=("Stamets stack question — lion's mane dose?", 21)),

S("ambient_hum_3000", "15 mics before a night out - not really a microdose lol", """
I know this isn't really microdosing, but 15 mics before going out dancing was perfect. Music sounded richer, felt super connected to everyone, talked to strangers all night. Next morning a bit of a low mood, like a tiny comedown.
""", sub="LSD"),

S("AnxiousAccountant_4", "Worried about insomnia — I already sleep badly", """
I'm worried about insomnia. I already sleep 5-6 hours on a good night. For those who had sleep problems before starting, did microdosing make it worse? Would dosing before bed be completely crazy?
""", comments=[
    C("moonlit_modem", "I actually dose before bed (0.05g) and I sleep deeper than I have in years. I know it sounds backwards. Not recommending it, just my experience.",
      C("AnxiousAccountant_4", "Interesting! Did you start that way or move to it?",
        C("moonlit_modem", "Started mornings, got wired in the afternoon. Moved it to the evening after about a month."))),
]),

S("TheTinyHerbalist", "First flush of my grow, going to microdose them", """
Harvested my first flush of B+ this weekend, about 40g wet. Dried them in a dehydrator at 45°C. Planning to grind them up and make 0.1g caps once they're cracker dry. Any tips on storage? Are silica packets enough?
""", sub="PsilocybinMushrooms", comments=[
    C("Sporeprint_Sam", "Silica packets + airtight jar + dark cupboard. Grind the whole batch together before capping so the potency evens out."),
]),

S("grumpy_cartographer", "Microdosing made me more irritable, anyone else?", """
Six weeks, 0.1-0.2g cubes every 3 days. Everyone here talks about feeling happier and calmer but honestly I'm moody and irritable on dose days, snapping at small things. Not anxious exactly, just short-fused. Is it the dose?
""", comments=[
    C("Saltmarsh_Ruth", "Mood swings on dose days happened to me when I went above 0.15. Down at 0.1 they disappeared."),
]),

S("mothlight_mira", "little win today 🌱", """
went to a friend's birthday for the first time in months. didn't feel anxious at all, even chatted with people I didn't know. 0.1g, day 2 of my 2 on 1 off. small thing but huge for me 💛
""", comments=[
    C("the_patient_gardener", "That's not a small thing! Well done 💛"),
]),

S("pine_needle_tea_77", "Fadiman vs every other day?", """
Trying to decide between Fadiman and every other day. What are the actual pros and cons? I'm mostly hoping to be less anxious at work.
""", comments=[
    C("quietkestrel88", "Every other day gives you more dose days but tolerance builds a bit faster. Fadiman leaves a 'normal' day in between to compare against, which is useful for judging whether it does anything."),
    C("throwaway_md42", "I'm on Fadiman and like the day in between. The day after a dose often feels like the best day tbh."),
]),

S("retired_teacher_bc", "Retired, 67, trying psilocybin for the first time", """
Good afternoon. I retired last year after 34 years of teaching and have felt rather adrift since. My daughter suggested I look into microdosing.

I have been taking one capsule (she did not tell me the content; I believe it is about a tenth of a gram) twice a week, on Tuesdays and Fridays, for five weeks. I feel more present in the garden and more grateful for small things, and I have found myself sketching again after many years. I do notice my hands are cold in the mornings after a dose.

I take 50mg sertraline, and amlodipine for my blood pressure, and my doctor is aware. Is there anything I should be watching for?
""", comments=[
    C("Fern_and_Static", "Welcome, and good on you for telling your doctor. SSRIs like sertraline can blunt the effects of psilocybin, so some people feel less than they expected. Worth keeping an eye on your blood pressure on dose days since you already monitor it."),
    C("SkepticalScientist_9", "There's also a (rare) concern about serotonin syndrome when combining serotonergic things. It's mostly discussed at much higher doses, but ask your doctor about it specifically."),
]),

S("paperlantern_pete", "Book recs? Not about dosing, about meaning", """
Not a dosing question. What books helped you make sense of the changes you went through? I've read the Michael Pollan one already. Looking for something less journalistic, more philosophical.
"""),

S("Sporeprint_Sam", "PSA: grind your whole batch before weighing microdoses", """
Seeing a lot of "I felt nothing one day and way too much the next" posts. Psilocybin content varies between caps and stems, and even between fruits from the same flush. If you're weighing 0.1g from a random piece you could be getting half or double what you think.

Grind everything, mix, then weigh or cap. A cheap coffee grinder is fine. Store with silica. That's it, that's the PSA.
""", sub="PsilocybinMushrooms", comments=[
    C("Kettle_of_Finches", "Learned this the hard way (see my post from a while back). Thanks /u/Sporeprint_Sam."),
]),

S("fractal_fernando", "Visual snow after a month?", """
Does microdosing cause visual snow or HPPD? I've been doing 10ug LSD for a month (5 on 2 off, weekdays only) and I think I see more static in the dark than before. Could be I'm just paying attention now. Kind of freaking out.
""", comments=[
    C("lysergic_linnea", "u/fractal_fernando 5 days a week is a lot. I'd take a few weeks off and see if it fades. Most people say it's reversible, but if it persists see an optometrist to rule other things out."),
    C(None, "took a month off when this happened to me and it went back to normal"),
]),

S("gentle_reset_99", "one month in: less anxious, more energy, weird stomach", """
ok so one month on 0.1g every third day. summary:

- way less anxious, my mind is quieter
- more energy in the mornings, actually going for runs??
- stomach ache on dose mornings, kind of crampy, gone by lunch

no headaches, no sleep issues. will keep going
"""),

S("PixelPilgrim", "Microdosing and gaming - anyone?", """
Tried 12mcg of 1P-LSD before a long session of a strategy game. Didn't notice anything special honestly, maybe slightly more patient. Then I tried it for drawing pixel art and that was a different story, loads of new ideas, I sketched out a whole tileset in one evening.
""", sub="LSD"),

S("QuokkaInTheFog", "Muscle tension and jaw clenching on shrooms?", """
I get a tight body and jaw clenching on dose days, 100mg of dried cubes. Is that a known thing? It's not painful but I notice I'm gritting my teeth by the afternoon.
""", comments=[
    C("NomadicNeuron", "Yep, same here (on LSD). Magnesium glycinate in the evening helped me."),
]),

S("tired_of_ssris_22", "Tapering off sertraline, can I start microdosing after?", """
I'm on 50mg sertraline and tapering with my GP. I'd like to try microdosing once I'm off. How long should I wait?

I've read that SSRIs can make you feel flat and numb and that microdosing can help with that, but also that mixing them is a bad idea.
""", comments=[
    C("Fern_and_Static", "Please keep working with your GP on the taper. Many people wait a few weeks after the last dose before starting. Coming off an SSRI often also means a microdose feels stronger than expected, so start low."),
]),

S("cerulean_moth_8", "Microdosing for ADHD - 2 caps before work", """
My capsules are from a friend, so I don't know the exact amount in each. I take 2 caps before work twice a week. Productivity is definitely up, I'm more focused in meetings and I've cleared my inbox for the first time in years. Slight headache in the evening sometimes.
""", comments=[
    C("quietkestrel88", "Might be worth weighing the contents of one cap if you can, just so you know what you're actually taking."),
]),

S("wobbly_compass", "Stopped after 3 months – what I learned", """
Stopped microdosing last week after 3 months on a 3 on 4 off schedule with 0.1g.

Why I stopped: the benefits were real at first (better mood, more social, really productive) but by month 3 I felt emotionally flat, kind of numb, and I'd lost interest in things. Two weeks off and I feel normal again.

I think I'd do it again, but only occasionally, maybe once a week.
"""),

S(DELETED, "Where can I find tabs in Berlin?", "[removed]", sub="LSD"),

S("just_a_cellist_23", "Practising with a microdose - the good and the weird", """
Professional cellist here. I've been taking ~10ug before practice once a week. Musically it's wonderful: I hear phrasing I never noticed and I'm in flow for hours.

The weird part: my fingertips tingle, a pins and needles feeling, which is... not ideal for a string player. It fades after a couple of hours.
"""),

S("SkepticalScientist_9", "A reminder about the placebo-controlled studies", """
Not trying to rain on anyone's parade. The largest self-blinding study so far found that microdosers' well-being improved, but the placebo group improved almost as much. That doesn't mean your experience isn't real. It means expectations are a huge part of it.

Keep a log, and if you can, blind yourself.
""", comments=[
    C("okay_but_why_2021", "I appreciate this. Also, a placebo that works is still... working?",
      C("SkepticalScientist_9", "Sure, but then you could get it cheaper and legally 🙂")),
]),

S("Saltmarsh_Ruth", "Midlife, perimenopause and microdosing", """
52F. Perimenopause has been rough: hot flashes, brain fog, poor sleep, low mood. I started microdosing truffles (about 0.5g fresh, which I read is very roughly 0.1g dried cubes) twice a week.

Mood is better and I'm less anxious. The hot flashes are unchanged, and if anything I sweat more on dose days. Sleep is maybe slightly better.
""", comments=[
    C("Marigold_Mondays", "Thank you for posting this. Same age, same symptoms. Did you talk to your doctor first?",
      C("Saltmarsh_Ruth", "I did, she was surprisingly open about it. She just asked me to keep a log of my blood pressure, which has been fine.")),
]),

S("echo_chamber_exit", "Is this sub turning into an advertisement?", """
Every second post is "microdosing changed my life". Where are the people it did nothing for? Genuinely curious, I'm not anti, I just want some balance.
""", comments=[
    C("quietkestrel88", "Survivorship bias. The people it didn't work for mostly leave. u/lurking_larch_5 posted a good 'why I quit' thread a while ago, worth searching for."),
]),

S("kombucha_kev_71", "Stack review: lion's mane + microdose + creatine", """
My current stack: 1g lion's mane extract, 5g creatine, 0.1g psilocybin on a 1 on 2 off rhythm.

Lion's mane on its own didn't do much that I could tell. With the microdose I'm more productive and have more energy at the gym. On off days nothing special.
""", sub="Nootropics"),

S("hollow_oak_hiker", "Hiking on a microdose", """
Took a tenth of a gram before a long hike yesterday. Everything felt vivid and I was really present, noticing birds and moss and the light through the trees. Not tripping, just... there. Best hike in a long while.
"""),

S("MycoMaddie", "Are truffles weaker than cubes for microdosing?", """
Live in the Netherlands, truffles are easy to get here. What's the rule of thumb for converting? I've seen "1g fresh truffle ≈ 0.2g dried cubes" somewhere but also completely different numbers.
""", sub="PsilocybinMushrooms", comments=[
    C("Sporeprint_Sam", "The rule of thumb I've seen: fresh truffles are something like a quarter to a third as potent as dried cubes by weight, but it varies a lot by species. Start with 0.5g fresh and adjust."),
]),
]

POSTS += [
S("throwaway_md42", "Fadiman week 3 update", """
Hey all, this is throwaway_md42 again (the Day 1 golden teacher post). Week 3 of Fadiman at 0.1g.

Honestly it's going well. I'm calmer in meetings, less overthinking. The day after a dose I'm tired in the afternoon but a short walk fixes it. Still no headaches.

Someone asked me to share my tracking sheet, it's at https://example.org/md-tracker-template if anyone wants to copy it.
""", follows=('Day 1 of Fadiman, 0.1g golden teacher', 20), comments=[
    C("pine_needle_tea_77", "Thanks for the template! Going to use it.",
      C("throwaway_md42", "Enjoy! Add a column for sleep, I wish I'd done that from the start.")),
]),

S("Fern_and_Static", "Newcomer FAQ I keep typing out, so here it is", """
I answer the same questions in comments every week, so here's a write-up. I'm not a doctor, this is just what I've picked up from ~4 years of doing this and reading this sub.

**1. How much?**
Mushrooms: most people land somewhere between 0.05g and 0.2g of dried material. Start at 0.05-0.1g. LSD: 5-15ug, start around 5-8ug. If you notice visuals, feel high or "off", it's too much.

**2. How often?**
The two classic schedules:
- *Fadiman*: one dose day, then two days off. Dose Monday, off Tuesday and Wednesday, dose Thursday, and so on.
- *Stamets stack*: four days on, three days off, usually combined with lion's mane and niacin.

Plenty of people just do Monday/Thursday, which is easy to remember. I'd avoid daily dosing: tolerance builds quickly and the benefits fade.

**3. What can go wrong?**
The common complaints: anxiety (especially in people prone to it), feeling jittery or wired, headaches, an upset stomach with mushrooms, trouble sleeping if you dose late, and feeling tired the day after. Less common: feeling emotionally flat after weeks of frequent dosing. Usually the fix is a lower dose or fewer dose days.

**4. Medications?**
Lithium + psychedelics is a known dangerous combo, don't. SSRIs often blunt the effect. Talk to a doctor, seriously.

**5. Tolerance breaks**
Take a couple of weeks off every month or two. It also helps you see whether it's doing anything at all.

**6. Measuring**
A 0.001g scale costs about $20. Mushrooms: grind the whole batch. LSD: volumetric (a tab in distilled water). Eyeballing 1/10 of a tab is a lottery.

**7. Keep notes**
Mood, focus, energy, sleep, anxiety, 1-5 every evening. You'll thank yourself later.

If you have questions, ask in the comments. Please don't DM me for sources, I will ignore it.
""", comments=[
    C("velvet_thermos", "the eyeballing 1/10 tab bit is so true, see my last post 🙃"),
]),

S("lunar_laundromat", "acid microdose + night shift?", """
I work nights (12h shifts, 7pm-7am). Would dosing 10ug at the start of a shift wreck my sleep afterwards? Already struggling with sleep as it is. Anyone on shift work doing this?
""", sub="LSD", comments=[
    C("night_shift_nurse_k", "Nurse on nights here. I tried it and couldn't sleep after the shift, lay there wide awake till 2pm. Stopped dosing on shift days, I only do it on my first day off now."),
]),

S("Low_Tide_Lars", "Stomach issues with mushrooms - tips?", """
Every time I take my 0.12g I get nausea within the hour and sometimes diarrhoea. Tried taking it with food, didn't help much. Lemon tek? Ginger? Capsules?
""", comments=[
    C("TheTinyHerbalist", "Ginger capsules 30 min before helped me a lot. u/halcyon_hummingbird wrote a great thread on stomach issues a while ago, worth searching. Some people say lemon tek, but that makes it stronger, so go lower if you try it."),
    C("Sporeprint_Sam", "Capsules help because you skip the taste and it dissolves later. Also try a different strain, some just sit badly with people."),
]),

S("Marigold_Mondays", "Why I started: postnatal depression", """
I microdose for my depression, which started after my second baby. I'm writing this because I was so scared of judgement.

I do 0.1g twice a week (Mon/Thu). I'm not cured. But I laugh again, I enjoy bath time with the kids, and I feel connected to my husband again. That's enough for me.

If you're a mum reading this and struggling, you're not alone. You can email me at harbour.mum.talks@example.com if you want to talk.
""", comments=[
    C(DELETED, "[removed]"),
    C("rowboat_rosie", "Sending you so much love. PND is brutal. So glad you're laughing again ❤️"),
]),

S("bluejay_bookkeeper", "Jittery on 1P-LSD, fine on mushrooms", """
Interesting difference for me: 0.1g mushrooms = calm, grounded. 10ug 1P-LSD = jittery, on edge, restless legs, heart racing a bit. Same person, same schedule (every third day). Anyone else find LSD more stimulating?
""", comments=[
    C("lysergic_linnea", "Very common. LSD is more 'speedy' for a lot of people. Try 5-7ug."),
    C("cardamom_kit", "Same! Mushrooms for me, acid is like 3 espressos. u/lysergic_linnea is right though, lower helps."),
]),

S("purple_parsnip_5", "Survey for my master's thesis on microdosing (anonymous)", """
Hi r/microdosing, I'm a psychology master's student. I'm running an anonymous 15-minute survey about microdosing practices and wellbeing, approved by my university's ethics board.

Link: https://survey.example.org/md-thesis-2023

Questions to study-team@research.example.org. The mods approved this post. Thank you!
""", comments=[
    C("echo_chamber_exit", "Question 12 only lets you pick one schedule, but a lot of us switch. Might be worth adding a free-text option.",
      C("purple_parsnip_5", "Good point, thank you, I'll add it!")),
]),

S("overthinker_anon_5", "can a microdose make you paranoid?", """
took 0.15 yesterday and felt kind of paranoid at the shop, like everyone was looking at me. is that normal or was it just a bad day
""", comments=[
    C("Fern_and_Static", "It can happen, especially at 0.15+ and in busy public places. Try lower and dose at home for a while."),
]),

S("lysergic_linnea", "6-month check-in from a volumetric nerd", """
lysergic_linnea here with my 6-month check-in, since a few people asked.

Still at 10 µg, still every third day, still making my solution the same way. The creativity boost has stayed; focus a bit less than in the beginning. I took a 3 week break in month 4 and came back at the same dose with no issues. Evenings are fine now that I dose at 7am. No headaches since switching to earlier dosing either.
""", follows=('10ug every third day for 2 months - notes', 122), sub="LSD"),

S("stoic_sparrow_12", "Grief and microdosing", """
My dad died in March. I'd been microdosing for a few months before that for general wellbeing (0.1g, weekly). After he died I kept going.

I want to be careful how I say this: it didn't make the grief smaller. But I felt it more cleanly, if that makes sense. I cried a lot, and I also felt grateful and very present with my family. A couple of times I had a really sad, heavy day after a dose, and I honestly don't know whether that was the mushrooms or just grief.
""", comments=[
    C("hollow_oak_hiker", "Sorry for your loss. That description of feeling it more cleanly is beautiful."),
]),

S("SundayScaries_Sid", "Follow-up: microdosing vs caffeine, I tried it", """
Follow-up to my earlier question (thanks u/NomadicNeuron for the detailed answer). I tried 8ug on Mondays and Thursdays for two weeks, no caffeine on those days.

Focus: similar to caffeine+theanine, but more relaxed. Energy: lower than with coffee. Mild anxiety spike on the first day, none after. Honestly I'll stick to coffee for coding, but I liked it for writing docs.
""", follows=('Microdosing vs. caffeine + L-theanine for focus?', 24), sub="Nootropics"),

S("the_late_bloomer_92", "Light-headed and dizzy on 0.2g", """
Bumped from 0.1 to 0.2g because I didn't feel anything at 0.1. Big mistake: got dizzy at my desk and everything had a slight shimmer. Nothing scary, just unpleasant, and I couldn't work. Back to 0.1g and just accepting that the effects are subtle.
"""),

S("citrus_and_cedar", "Microdosing & running: more motivation?", """
Anyone else find they're more motivated to exercise? I've done 3 half marathons this year, which is wild for someone who hated running. 0.1g of golden teacher on long run days, roughly twice a week.

Resting heart rate is fine, no chest tightness or anything. Just more energy.
"""),

S("WanderingWombat_AU", "Aussie here - anyone know if prescribers do microdosing?", """
Since July psychiatrists here can be authorised to prescribe psilocybin for treatment-resistant depression. Does anyone know if any of them use microdosing protocols, or is it only full-dose assisted therapy? Not after anything dodgy, just curious whether it's an option.
""", sub="PsilocybinMushrooms", when="2023-08-21"),

S("ElkHornDrifter", "A quarter tab every Saturday?", """
Would a quarter tab once a week count as microdosing? Feels more like a "minidose". I enjoy it on weekends for hiking but I don't want tolerance issues.
""", sub="LSD", comments=[
    C("lysergic_linnea", "If a tab is 100ug, a quarter is 25ug, which is above most microdose ranges. Probably noticeable. Once a week is fine tolerance-wise though."),
]),

S("sleepy_otter_77", "So tired on dose days", """
Instead of energy I get drowsy and lethargic on dose days. Like I could nap at my desk. 0.1g, every other day. Is this common with mushrooms? I thought this was supposed to be energizing lol
""", comments=[
    C("Fern_and_Static", "It's more common than people think. Some find that dosing in the morning plus a walk helps, or a slightly lower dose."),
    C("throwaway_md42", "I get it the day after rather than on the day. Weird how different people are."),
]),

S("noodle_nebula", "The most useful thing microdosing did for me", """
Not the mood stuff. It was noticing. I noticed I was drinking 4 beers a night, and for some reason on dose days I just didn't want to. Six months later I drink maybe once a week. I'm not claiming it's the mushrooms, but the timing is hard to ignore.
"""),

S(None, "How do I measure 1 ml of solution accurately?", """
Bought a 1ml oral syringe. Is that precise enough for 1 ml of solution or should I get a pipette? My tab is dissolved in 10ml of water so 1 ml should be 10ug.
""", sub="LSD", comments=[
    C("lysergic_linnea", "Oral syringes are fine. The bigger source of error is the tab itself."),
]),

S("Vinyl_Vortex_65", "Album recommendations for a chill evening (not tripping, just vibes)", """
Looking for ambient / jazz recs. Currently on repeat: Bonobo, Khruangbin, Alice Coltrane. What else?
""", sub="LSD", comments=[
    C("just_a_cellist_23", "Arvo Pärt, Spiegel im Spiegel. Works every time."),
]),

S("deep_water_diver_8", "Numb hands after dosing?", """
I get physical numbness in my hands and feet about an hour after 0.1g. Like they're falling asleep, pins and needles for 30-60 min. Anyone else? Worrying a bit.
""", comments=[
    C("SkepticalScientist_9", "Body tingling is a fairly common report with psilocybin. But if it's one-sided, or comes with weakness, get it checked out, don't assume."),
]),

S("brisk_autumn_walk", "Appetite gone on dose days", """
Not hungry at all on dose days, I basically skip lunch. 10ug LSD, Mon/Thu. Anyone else have no appetite? I'm already underweight so it's a bit of a problem.
""", comments=[
    C("caffeine_free_cal", "Same with acid, no appetite until dinner. I set a phone reminder to eat."),
]),

S("cobalt_crayon", "First time: 0.1g, felt calm and happy 😊", """
Day 1 report: 0.1g golden teachers at 9am. Calm, happy, a bit giggly at lunch. No visuals, no nausea. Planning to follow Fadiman from here.
"""),

S("grumpy_cartographer", "Follow up: irritability gone at 0.1g", """
grumpy_cartographer reporting back. Dropped from 0.1-0.2 to a flat 0.1g like u/Saltmarsh_Ruth suggested. Irritability gone. Mood steady, maybe slightly better than before I started. Still every third day.
""", follows=('Microdosing made me more irritable, anyone else?', 26)),

S("Ottoman_Otter", "Scam warning: 'microdose shop' DMing people", """
Got a DM from an account offering "lab-tested microdose caps", linking to www.example.com/shop-microcaps and asking for payment in crypto. Obvious scam. Don't engage, just report them.
""", comments=[
    C("bay_leaf_bernie", "Same account texted me from 415.555.0186 after I ignored the DM. Reported."),
]),

S("wildflower_wren_4", "Microdosing and my cycle", """
Anyone notice the effects change with their cycle? Before my period the same 0.1g makes me weepy and emotional, mood swings all day, and in the first half of my cycle it's just mild and nice. Tracking it now.
"""),

S("lanternfish_lou", "10 µg and racing heart - should I stop?", """
Did 10 µg this morning, around noon my heart was racing and I had some chest tightness. Went away after an hour. I've had palpitations with coffee before too. Should I stop or lower the dose?
""", sub="LSD", comments=[
    C("quietkestrel88", "Also cut caffeine on dose days and see if it still happens."),
]),

S("strangecharm_quark", "Why I'm skeptical but still do it", """
Physicist, so I come at this with a lot of skepticism. I've read the self-blinding studies. I know the effect sizes vs placebo are small.

I still microdose, once a week, 0.08g, and I'm fine with it being mostly expectation. What I notice: I'm more mindful on dose days, more present with my kid. I don't get the "focus" thing at all, if anything I'm a bit scattered. Make of that what you will.
"""),

S("tabula_rasa_tom", "Amanita microdosing - anyone?", """
Has anyone tried microdosing amanita muscaria instead of psilocybin? It's legal where I live. Been taking small amounts of an amanita tincture and got pretty nauseous and dizzy, not sure if that's normal.
""", comments=[
    C("humble_hyphae", "Amanita is totally different chemistry (muscimol, ibotenic acid), not a classic psychedelic like psilocybin. Nausea is really common with it. I'd be careful, especially with preparations that weren't properly decarboxylated."),
]),

S("Quiet_Quasar_41", "Microdose + therapy - tell my therapist?", """
My therapist doesn't know. Should I tell her? I microdose for my anxiety (0.1g, every 3rd day) and I feel like it's helping me open up in sessions.
""", comments=[
    C("Marigold_Mondays", "I told mine and it was fine, she just wanted to know so she could understand what was going on. Most therapists have heard it all."),
]),

S("moonlit_modem", "Nightcap dosing: 3 months update", """
Some of you asked about my before bed dosing in another thread. 3 months of 0.05g at about 10pm, every other night.

I sleep deeper, I remember more dreams (vivid but not nightmares), and I wake up in a good mood. No grogginess. I don't feel anything during the day. Not saying it's for everyone!
"""),

S("dosing_dad_ohio", "Dad of 3, 2 months in, more patient", """
Wife and I both started 0.1g on a 1 on 2 off schedule. Biggest change for me: I'm more patient with the kids and I don't lose my temper at bedtime anymore. Wife says she's calmer too.

Neither of us had side effects, except one day I had a bad headache, probably dehydration.
""", comments=[
]),

S(DELETED, "Lost my job, does microdosing help with motivation?", """
Was laid off last week. I feel lethargic and unmotivated. Would a microdose help with motivation? I've never tried any psychedelics.
""", comments=[
    C("Fern_and_Static", "Sorry about the job. A microdose isn't a fix for a hard life situation; some people find it gives them a bit more motivation, but it can also bring up difficult feelings. Might be worth waiting until things are more stable."),
]),

S("canary_in_coalmine_1", "PSA: don't combine with lithium", """
Seeing this asked again. Lithium + psilocybin/LSD has been linked to seizures in a lot of trip reports. Please don't. It's one of the few combos that harm reduction people consistently warn about.
""", comments=[
    C("Saltmarsh_Ruth", "Thank you. If anyone needs to talk through drug combinations, the volunteer group I help with answers at harm.reduction.volunteer@example.org, and there's a combo chart at www.example.org/harm-reduction-guide."),
]),

S("velcro_velociraptor", "LSD made me so chatty at work lol", """
8ug of acid at 8am and by 10 I had talked to literally everyone in the office. Felt very social and talkative, honestly a good day. Coworker asked if I'd had 5 coffees 😂
"""),

S("mellow_marmot_x", "4 days on 3 off + lion's mane: 6 weeks", """
Stamets stack, 6 weeks in. 0.1g cubes + lion's mane 1000mg, skipped the niacin.

Benefits: calmer, more focused, better sleep.
Negatives: some days a slightly upset stomach.
Didn't notice any change in creativity, which is what I wanted most.
"""),

S("kiln_and_clay_k", "Intuitive dosing works better for me", """
Tried Fadiman, tried Stamets, hated the rigidity. Now I just take point one when I feel like it, maybe 1-2 times a week, usually on days I'm going to the pottery studio. Super creative on those days. Also helps me feel less anxious about the rest of the week.
""", comments=[
    C("SkepticalScientist_9", "Intuitive dosing makes it really hard to tell whether the dose causes the creativity or you just dose on days you were going to be creative anyway 🙂",
      C("kiln_and_clay_k", "Ha, fair. I don't think I care though.")),
]),

S("radish_radiance", "Things nobody tells you about microdosing", """
- you will become insufferable about mushrooms at dinner parties
- your scale will become your most prized possession
- you'll write "felt good, mood 4/5" in a journal and think you're a scientist
- you'll feel more connected to your houseplants, this is normal
- you will lose track of which day of Fadiman you're on
""", comments=[
    C("throwaway_md42", "The scale one is so real."),
]),

S("nerdy_nuthatch", "Trying again after my panic attack, very low dose", """
Some of you might remember my comment about having a panic attack in a supermarket on day 3. I'm trying again, much lower: 0.03g, once a week, at home. Two doses so far, no panic, no anxiety at all actually. Just a bit calmer than usual.
""", follows=('Can it cause anxiety?', 70)),

S("Lemon_Verbena_Lu", "Ça marche pour moi aussi (French user)", """
Désolée pour mon anglais. I take 0,1 g of truffles every 3 days since février. Less depressed, more energy, and I sleep better. Only problem: on dose days I have a headache in the evening, une petite migraine.

Merci à tous pour les conseils ici !
""", comments=[
    C("ana_sofia_md", "¡Hola! Also not a native speaker here (Spain). Same with the evening headache for me, drinking more water helped. If you want to exchange experiences: ana.sofia.m@example.org"),
]),

S("sidequest_sasha", "Microdosing made me too spacey for uni", """
0.15g before lectures was a terrible idea. I was spacey, couldn't concentrate on anything, scribbled nonsense in my notes. Friends said I looked "a bit out of it". Switched to dosing on weekends only.
"""),

S("honeycomb_hal", "0.01 mg of LSD vs 10ug - same thing right?", """
The instructions I got say 0.01 mg of LSD per dose. That's 10ug, right? Just double checking the maths because I'm paranoid about getting it wrong.
""", sub="LSD", comments=[
    C("lysergic_linnea", "Yes, 0.01 mg = 10 µg. Also, whatever came with a mg figure on it, it's worth testing with a reagent kit."),
]),
]

POSTS += [
S("frost_on_fern_6", "3 month review (long, sorry)", """
I promised myself I'd write this up at the 3 month mark, so here goes. Sorry it's long.

**Who I am:** 41, project manager, two teenagers, generalised anxiety since forever. Not on any medication. I started because my sister did it and became noticeably less snappy, which is saying something.

**What I took:** dried golden teacher, ground up and put into capsules. Each capsule is 0.1g (weighed on a 0.001g scale, I'm a PM after all). I started with one capsule, went up to a bigger dose (about 0.15g) in week 3 by opening a second cap, and then went back to 0.1g in week 5.

**Schedule:** Fadiman, strictly. Dose day, two off. It's in my calendar.

**Weeks 1-2:** Not much. Maybe a little brighter on dose days. One day I had a mild stomach ache.

**Weeks 3-4 (at 0.15g):** This was too much for me. I was more emotional, cried at an advert, and in one meeting I felt slightly detached, like watching myself from the side. Not unpleasant exactly, but not what I want at work. I also had trouble sleeping on two dose nights.

**Weeks 5-12 (back at 0.1g):** This is where it got good. The main thing: the constant background worry is quieter. I still worry, but it doesn't run the show anymore. I'm more patient with my kids. I've started reading fiction again. At work I'm more focused in the afternoons, which used to be a write-off.

**Side effects at 0.1g:** occasional cold hands, and I yawn a lot about an hour after dosing. That's it.

**What I'd do differently:** not increase the dose just because I felt impatient.

**What's next:** a 4-week break, then decide. I want to see what stays when I stop.

Thanks to u/Marigold_Mondays, whose post made me brave enough to start. If you want to ask me anything, comment here. I won't be sharing contact details, sorry.
""", comments=[
    C("Marigold_Mondays", "The 'doesn't run the show' part is exactly how I'd describe it too. Thank you for writing this."),
    C("quietkestrel88", "Really good write-up. The 'increase because impatient' mistake is so common.",
      C("frost_on_fern_6", "Ha, patience was never my strength. Working on it!")),
]),

S("humble_hyphae", "Contamination or bruising?", """
Blue spots on my caps after handling them. Is that bruising or mold? I've been growing for 3 months and this is the first time I've seen it. Pic: https://i.example.com/blue-spots-cubensis.jpg
""", sub="PsilocybinMushrooms", comments=[
    C("Sporeprint_Sam", "Blue = bruising (psilocin oxidising). Mold is usually fuzzy, green or white, and spreads. Sounds fine from what you describe."),
]),

S("Tangerine_Owl_19", "6 months on every other day - still working, one new thing", """
Update to my 3-month post. Still 0.15g every other day, with a 2-week break in month 4.

Mood still better, my partner says I'm "more myself". The nausea got better after I switched to capsules. But I've been feeling more emotionally flat recently, which I didn't expect. Might space it out more.
""", follows=('I microdose for my depression, 3 months in', 95)),

S("AnxiousAccountant_4", "Update: tried it, the insomnia was real", """
A few weeks ago I asked about insomnia. Tried 0.1g at 7am on Saturdays (weekends only, to be safe). The first two Saturdays I couldn't sleep until 3am. Third time I moved it to 6am, cut coffee, and slept OK.

Mood on dose days was really good though, and I didn't feel anxious at all.
""", follows=('Worried about insomnia — I already sleep badly', 30), comments=[
    C("moonlit_modem", "Glad you found something that works. Sleep is so individual."),
]),

S("spiral_staircase_9", "What's the best scale for weighing 0.1g?", "", comments=[
    C("TheTinyHerbalist", "Anything with 0.001g resolution. Get some calibration weights too."),
    C("throwaway_md42", "I use a cheap jewellery scale, works fine once you calibrate it."),
]),

S("granola_gremlin", "ketamine vs microdosing psilocybin for depression", """
Had 6 ketamine infusions last year for depression. It worked but faded after 2 months. Now considering microdosing psilocybin. Anyone done both? Did microdosing help more long term?
""", comments=[
    C("tired_of_ssris_22", "Did both. Ketamine was a stronger, faster lift. Microdosing was gentler, but I felt more grounded with it over months. Not medical advice obviously."),
]),

S("soft_static_noise", "1cP-LSD 5 on 2 off - too much?", """
Doing 7ug 1cP-LSD 5 on 2 off for 3 weeks. By Thursday each week I feel nothing anymore. Tolerance I guess? Should I switch to Fadiman?
""", sub="LSD", comments=[
    C("NomadicNeuron", "Yep, that's tolerance. I did the same thing (weekdays only) and it stopped working by week 3, plus I went emotionally flat, and u/wobbly_compass had the same. Fadiman or Mon/Thu will work much better."),
]),

S("rowboat_rosie", "Grateful post 🙏", """
Nothing specific, just this: a year ago I was in a really dark place. I microdosed for about 6 months (twice a week, 0.1g) alongside therapy. I feel grateful, grounded and more resilient now. I stopped in the summer and the benefits have stayed.

Thank you to everyone here who answered my stupid questions, especially u/Fern_and_Static and u/the_patient_gardener.
"""),

S("bike_commuter_bea", "Headache two days after?", """
I've read that some people get headaches from it. I had one two days after my dose (0.08g) - could that be related or is it just coincidence?
""", comments=[
    C("quietkestrel88", "Two days later sounds more like coincidence to me, but log it and see if there's a pattern."),
]),

S("hazelnut_haze_3", "Magnesium glycinate vs threonate for sleep?", """
Not psychedelic related. Anyone compared these two? 400mg glycinate helps me fall asleep, but threonate is supposed to be better for cognition. Worth the price?
""", sub="Nootropics"),

S("persimmon_pat", "Microdosing on vacation - mindful and present", """
Took 0.1g each morning for a week on a beach holiday (yes, daily, I know, it was only a week). Felt so present and mindful, really noticed the food, the sea, my partner. By day 5 I didn't feel much of anything anymore. Back home now and back to Fadiman.
"""),

S("RiverStoneRhea", "Stop microdosing before a proper trip?", """
I've been microdosing 0.1g twice a week. Planning a proper trip with friends next month. Should I stop microdosing a week or two before because of tolerance?
""", sub="PsilocybinMushrooms", comments=[
    C("humble_hyphae", "Yes, give it at least a week, ideally two. Tolerance to psilocybin builds fast and even small doses count."),
]),

S("crumpled_compass_7", "bought a 3.5g bag, how many microdoses is that?", """
Just picked up a 3.5g bag of dried cubes from a friend. If I do 0.1g that's 35 doses right? On Fadiman that's like 3.5 months lol. Is it going to lose potency before then?
""", comments=[
    C("Sporeprint_Sam", "Your maths is right. Stored dry, dark and airtight it'll keep for months. Grind it all first though. /u/mushroom_mentor_ed did a storage test a while back, worth a read."),
    C("throwaway_md42", "That's about what my first bag lasted me too."),
]),

S("Fern_and_Static", "4 years in, some reflections", """
People sometimes ask why I'm still around here. I've microdosed on and off for 4 years now, currently once a week, 0.07g.

The early years were a big deal: less depressed, more creative, more confident at work. These days it's more maintenance; I notice it mostly as a quieter mind and better sleep on dose nights. I take long breaks.

The thing I'm proudest of is using those years to change stuff in my life that doesn't need mushrooms to stay changed.
"""),

S("the_patient_gardener", "Be patient, the effects are subtle", """
Another "felt nothing" post yesterday, so I'll repeat what I say often: for me there was no noticeable effect for weeks. Then it was a gradual shift. I'm less reactive, calmer. I couldn't have pointed to a single day where it changed.
"""),

S("MapleSyrupMaverick", "Canadian section 56 exemption - how long did yours take?", """
Does anyone know how long a section 56 exemption for psilocybin takes to get processed? My doctor wants to apply on my behalf. Asking here because the government website is a maze. You can also reach me at maple.maverick.questions@example.com if you'd rather not post publicly.
"""),

S("thistle_and_thorn_2", "Blunted emotions? Or just stable?", """
After two months of daily 5ug (yes, daily), I'm not sure if I'm stable or blunted. I don't cry at sad films anymore. I don't get excited either. My partner says I seem "muted". Is that emotional numbness from microdosing or what being emotionally stable feels like? lol
""", sub="LSD", comments=[
    C("wobbly_compass", "That's what it felt like for me at the 3-month mark (u/NomadicNeuron described it well too). A break brought my emotions back within 2 weeks."),
    C("NomadicNeuron", "Muted is exactly the word. Daily is the problem, imo."),
]),

S("oolong_otis", "Microdosing for social anxiety: surprising results", """
I'm introverted and have social anxiety. 0.1g on Fridays before meeting friends. I feel more talkative, more empathetic, and I actually listen instead of planning my next sentence. Though once I got sweaty and clammy at a bar, not sure if it was the dose.
"""),

S("tidepool_theo", "Does anyone else grow their own lion's mane?", """
I grow lion's mane in a monotub. Fresh fruits in stir fries are amazing. Has anyone compared home grown to the supplement capsules?
""", sub="Nootropics"),

S("driftwood_dana_5", "My year of microdosing: a spreadsheet analysis (long)", """
I'm a data analyst, so of course I logged everything. From January to December I microdosed 1P-LSD and recorded mood, focus, anxiety and sleep quality every evening on a 1-10 scale, plus whether it was a dose day. Results below, with all the caveats you'd expect (n=1, not blinded, I knew which days I dosed).

**Setup**
- 1P-LSD, volumetric, one tab in 10 ml, so 1 ml of solution = 10ug
- Jan-Apr: 10ug, Fadiman (every third day)
- May-Aug: 6ug, Monday/Thursday
- Sep-Oct: break
- Nov-Dec: 6ug, once a week
- 119 dose days in total, 246 non-dose days

**Averages (dose days vs non-dose days)**

| | dose | non-dose |
|---|---|---|
| mood | 6.9 | 6.1 |
| focus | 7.2 | 6.0 |
| anxiety | 3.8 | 4.6 |
| sleep | 5.9 | 6.6 |

So: better mood, better focus, lower anxiety on dose days, worse sleep. The sleep one is real and was worse at 10ug than at 6ug: at 10ug I had trouble falling asleep on most dose nights.

**The break**
The surprising part: my mood during the September-October break (6.5 on average) was higher than on non-dose days in spring (5.8). Either there's a lasting effect, or I just like autumn. Can't tell.

**Side effects I logged**
- headache: 14 dose days, 3 non-dose days
- jaw tension: 9 dose days
- nausea: never, which fits LSD vs mushrooms
- feeling "too high" (some visual drift): 4 days, all at 10ug

**What I concluded**
6ug was the sweet spot. Mon/Thu was the easiest schedule to stick to. The benefits were modest but consistent, and a year of data convinced me it's not nothing. It also convinced me that I would have overestimated the benefits if I'd relied on memory: in my head dose days were "amazing", in the data they're a bit better.

The sheet (anonymised, dates shifted) is at https://docs.example.com/sheets/md-year-2022 if you want to play with it. Happy to answer questions about the method.
""", sub="LSD", when="2023-01-15", comments=[
    C("SkepticalScientist_9", "This is great. 'In my head dose days were amazing, in the data they're a bit better' should be on the sidebar."),
    C("quartz_and_queries", "Did you correct for day of week? Mon/Thu vs weekends might confound mood.",
      C("driftwood_dana_5", "Good catch. I didn't. I'll try a regression with day-of-week as a covariate when I have time.")),
]),

S("wet_sock_wednesday", "Microdosing made my migraines worse", """
I get migraines normally (2-3 a month). Since starting 0.1g every 3 days I've had more, maybe 5-6 a month, and the head pressure on dose days is almost constant. Stopping. Sad, because my mood was better.
"""),

S("pine_needle_tea_77", "Went with Fadiman in the end - 2 weeks in", """
Thanks to everyone who answered my question (u/quietkestrel88 especially). Went with Fadiman, 0.1g.

So far: calmer at work, yes. Some jitters on the first dose day, which went away after that.
""", follows=('Fadiman vs every other day?', 19), comments=[
    C("quietkestrel88", "Nice, glad it's working. Keep logging!"),
]),

S("fizzy_lifting_drink", "1P-LSD at a wedding 😅", """
Was at my cousin's wedding with ~10ug in me (my friend u/sunny_sideup_sal talked me into it). Danced for 4 hours, talked to every aunt, felt amazing and connected. Barely touched the food, wasn't hungry at all. The next day though: totally drained and kind of sad.
""", sub="LSD"),

S("quill_and_inkpot", "Writer's block and microdosing", """
Novelist, third book stuck for a year. Started 0.1g, 2 on 1 off. In 3 weeks I've written 20k words. New ideas keep coming, a whole subplot appeared out of nowhere.

Also a bit restless at night, hard to switch off.
""", comments=[
    C("paperlantern_pete", "Fellow writer, this is encouraging. Which days do you take off, weekends?",
      C("quill_and_inkpot", "No fixed days, just dose, dose, off, repeat. If you want to swap chapters sometime: lena.voss.writes@example.com")),
]),

S("bay_leaf_bernie", "Meetup in Portland?", """
Anyone in Portland want to do a sober-ish meetup to share experiences? Coffee, walks, nothing illegal. Text me at (503) 555-0148 or DM.
""", comments=[
    C("gravel_and_glitter", "Count me in! Email works better for me: tommy_b@example.com"),
    C("wiggly_woodlouse", "if anyone wants to chat my number is 555-867-5309 (ask for Jenny)"),
]),

S("ironing_board_ian", "Fluttery heart after 2 caps", """
A friend gave me capsules and told me 2 caps is a normal microdose. An hour later I had palpitations and felt dizzy, had to lie down. Turns out her caps are 0.25g each, so I took half a gram. Ugh. Lesson learned: weigh everything yourself.
"""),

S("apricot_apollo", "Why do I feel worse on off days?", """
Dose days: great mood, productive. Off days: low mood, irritable, almost like a hangover. Every third day schedule, 0.1g. Is this some kind of dependency or am I just noticing the contrast?
""", comments=[
    C("Fern_and_Static", "Could be contrast. Could also be that the dose is on the high side. Worth trying a lower dose or a break and seeing whether the off-day dip goes away."),
]),

S("sparrowgrass_sue", "My dog seems to notice lol", """
Does anyone else's pet act different on dose days? My spaniel follows me around more. I feel calmer and more patient with him, so maybe that's it 🐶
""", sub="PsilocybinMushrooms"),

S("meadowlark_mel_9", "Is 100 to 200mg a good range to experiment with?", """
I've been told 100 to 200mg is the range to experiment in. I'm 55kg, pretty small. Should I start at the bottom? I've read that some people get nausea at the top end.
""", comments=[
    C("Sporeprint_Sam", "Start at 100mg, or even 50. Body weight matters less than individual sensitivity in my experience."),
]),

S("stillwater_stan", "Meditation + microdosing", """
I've meditated for 10 years. Microdosing (0.1g, Sundays) deepens it: more present, less mind-wandering, easier to stay with the breath. One time I got quite dizzy standing up after a long sit, probably unrelated.
"""),

S("snowpea_sienna", "No appetite and I've lost weight", """
2 months of 10ug every other day. Lost 4kg because I'm just not hungry on dose days and I forget to eat. Not complaining exactly, but my doctor noticed.
""", sub="LSD"),

S("lighthouse_tess_3", "Sober and microdosing - is it a contradiction?", """
7 years sober from alcohol. Some people in my meetings would say microdosing is a relapse. I think it helped with my low mood (0.05g, once a week) and I don't feel like it threatens my sobriety. Curious how others handle this.
""", comments=[
    C("noodle_nebula", "Only you can decide what sobriety means for you. u/quiet_sobriety_sage wrote about this once, worth finding. Some recovery communities are more open to this than others."),
    C(None, "i'm 3 years sober and i don't tell my sponsor. not proud of it but it's helping"),
]),

S("sunbeam_sloth", "0.1g and I was giggling uncontrollably in a meeting", """
Too strong today. Same 0.1g as always but a new batch. Everything was funny, colours were brighter, couldn't stop giggling on a Teams call. Had to turn my camera off. Felt high. Weighing out 0.05 from this batch from now on.
""", comments=[
    C("Sporeprint_Sam", "New batch = start lower, always. Potency between batches can be wildly different."),
]),

S("glasshouse_gus", "1/10 of a tab vs volumetric — worth the hassle?", """
Lazy question maybe. Cutting a tab into 10 pieces takes 2 minutes. Volumetric needs a bottle, distilled water, a syringe. Is the difference really that big?
""", sub="LSD", comments=[
    C("lysergic_linnea", "Yes. Cutting tabs is how you get the 'felt nothing / felt way too much' rollercoaster."),
]),

S("caffeine_free_cal", "Quit coffee because of dose day jitters", """
Was getting shaky and jittery on dose days, heart pounding. Turned out it was the combination with coffee, like /u/lysergic_linnea said in another thread. Quit coffee, now the jitters are gone and I just feel calm and focused. 8ug LSD on Mon/Thu.
""", sub="LSD"),

S("wiggly_woodlouse", "Why does every post here use the word 'journey'?", """
Not a hater. Just counted 11 "journeys" on the front page. Can we say "I took some mushrooms for a while" instead? 😄
""", comments=[
    C("wobbly_compass", "lol. /u/zeno_the_zebra made a bingo card of these once"),
]),

S("aperture_ash", "Photographer: more creative, noticing more light", """
I shoot street photography. On dose days (0.1g, Tuesdays and Saturdays) I see compositions I'd have walked past. My editor said my last set was my best. No side effects, except being a bit cold - needed a jumper in July.
"""),

S("greyhound_gallop", "Microdosing and blood pressure - higher readings?", """
I check my blood pressure daily because of family history. On dose days it's consistently higher, like 145/92 vs my usual 128/82. Is this a known thing? Using 0.1g cubes.
""", comments=[
    C("SkepticalScientist_9", "Psilocybin does raise blood pressure acutely at full doses; at microdoses the effect should be small, but your readings suggest it isn't nothing for you. Talk to your doctor."),
]),

S("ChaiTeaChad_88", "Best time of day for L-tyrosine?", """
I take 500mg L-tyrosine in the morning. Does timing matter? Empty stomach or with food?
""", sub="Nootropics"),
]

POSTS += [
S("mothlight_mira", "week 6 on 2 on 1 off 🌿", """
still going! mostly good. more social, happier, sleeping better.

one bad day where I felt really anxious and on edge for no reason, heart racing. took 3 days off and it was fine after that. u/Fern_and_Static thank you for the advice on my last post 💛
""", follows=('little win today 🌱', 30)),

S("throwaway_md42", "Week 8: taking my first break (+ my diary)", """
Two months of Fadiman done. Taking a two-week break now to see what sticks.

Short version for anyone who doesn't want to read the diary: calmer, more patient, better at starting boring tasks. The day-after tiredness never fully went away. I've put the whole thing, week by week, on a little blog: [my microdosing diary](https://blog.example.org/microdose-diary/week-12) (yes the URL says week 12, I planned ahead lol).
""", follows=('Day 1 of Fadiman, 0.1g golden teacher', 56), comments=[
    C("no_more_grey_days", "The day-after tiredness never went away for me either. Enjoy the break!"),
]),

S("Kettle_of_Finches", "Update: I was doing it wrong, now I feel it", """
Ground up the whole batch like everyone said. Now 0.12g Mon/Thu. Finally noticing something: lighter mood, more focused at work, and I'm a bit more chatty with coworkers.

Thanks everyone, especially u/Sporeprint_Sam and u/quietkestrel88.
""", follows=('Does anyone else feel nothing at all?', 45)),

S("jumbled_jenga", "Weird question: tingling scalp?", """
Anyone get a tingly scalp about an hour in? Like a head massage. 10ug. It's pleasant, just weird.
""", sub="LSD", comments=[
    C("just_a_cellist_23", "Yes! For me it's my fingertips, but same kind of tingling."),
]),

S("tofu_tornado", "Found these growing in my lawn, what are they?", """
Found these little brown mushrooms in my lawn after two days of rain. NOT going to eat them, just curious. Photo: www.example.org/img/lawn-lbms.jpg
""", sub="PsilocybinMushrooms", comments=[
    C("humble_hyphae", "Please never eat little brown mushrooms without an expert ID in person, some are deadly (Galerina). From a photo nobody can tell you for sure."),
]),

S("overthinker_anon_5", "dropped to 0.05 - paranoia gone", """
follow up to my paranoid post: dropped to 0.05g. no paranoia, didn't feel anxious at all, just a bit lighter. thx u/Fern_and_Static
""", follows=('can a microdose make you paranoid?', 12)),

S("QuokkaInTheFog", "Fadiman vs Stamets after 2 months each", """
Did 2 months of Fadiman, then 2 months of the Stamets stack (4 on 3 off), both at 0.1g.

Fadiman: better mood, some jaw clenching, no fatigue.
Stamets: more tired by day 4 of each block, and more muscle tension.

Preferred Fadiman. The lion's mane didn't add anything noticeable for me.
"""),

S("cardamom_kit", "Can LSD microdosing cause chills?", """
I get chills and goosebumps on dose days even when it's warm. Body temp is normal when I check. 7ug 1P.
""", sub="LSD", comments=[
]),

S("BurntToastBaron", "Anyone see the documentary last night?", """
Watched a psychedelics documentary on TV last night. Very one-sided, all positive, zero mention of bad experiences. Anyone else see it? Thoughts?
"""),

S("coach_jessamine_p", "Free 20-minute integration calls this month", """
Hi all! I'm a certified integration coach offering free 20-minute calls this month for anyone who's microdosing and wants support setting intentions. Book at https://www.example.com/integration-coaching, email integration.coach.jess@example.com, or call +1 415 555 0172.
""", comments=[
    C("okay_but_why_2021", "Reported. Advertising isn't allowed here."),
]),

S("pumpkin_spice_pavel", "Looking for a microdosing accountability buddy in London", """
Anyone in London want to be accountability partners? Keep each other honest about logs and breaks. Message me here or WhatsApp +44 7700 900781. Not selling anything!
""", comments=[
    C("Low_Tide_Lars", "I'm in Hackney, text me on 07700 900123"),
    C("greyhound_gallop", "Not London but there's an integration circle in Manchester that meets monthly, ring Dave on 0161 496 0754."),
]),

S("nyc_harmreduction_x", "Free harm reduction workshop in Brooklyn (Saturday)", """
We're running a free, no-judgement harm reduction workshop this Saturday: drug checking, dosing accuracy, combinations to avoid. Not a sales pitch, no substances on site. Call (212) 555-0199 for the address.
"""),

S("dosing_dad_ohio", "6 months: wife and I stopped, here's why", """
We stopped after 6 months. Not because anything bad happened; the benefits just plateaued and we wanted to see what lasts.

2 months later: I'm still more patient, still calmer. Wife says the same. Would do it again if things get rough.
""", follows=('Dad of 3, 2 months in, more patient', 185)),

S("bramble_brambleton", "12mcg 1V-LSD - stronger than expected", """
Tried 1V-LSD for the first time, 12mcg. My usual dose of 1P is 10. This felt a lot stronger: some tracers, slight nausea, and I felt dissociated for a while in the afternoon. Not doing 12 again.
""", sub="LSD"),

S("granola_gremlin", "Started microdosing after ketamine - week 3", """
Week 3 of 0.1g psilocybin every other day. Compared to ketamine, much gentler. Mood a little better. Some trouble sleeping on dose days, so I'll move my dose earlier.
""", follows=('ketamine vs microdosing psilocybin for depression', 35)),

S("soft_static_noise", "Switched to Fadiman, tolerance gone", """
Update: switched from 5 on 2 off to Fadiman like u/NomadicNeuron suggested. Back to feeling it: energized and motivated on dose days. No more "nothing by Thursday".
""", follows=('1cP-LSD 5 on 2 off - too much?', 28), sub="LSD"),

S("uk_trials_coordinator", "Recruiting: research study on microdosing and mood (UK)", """
Posted with mod approval. We're recruiting UK-based adults who already microdose for a 6-week observational study (questionnaires only, no substances are provided). Participants are compensated for their time. For details call the study team on +44 20 7946 0958.
"""),

S("lunar_laundromat", "Took the advice: dose on my first day off", """
Night shift person here again. Dosing 10ug on my first day off (usually Tuesday). Sleep is fine, mood good, and I actually feel rested and motivated enough to see friends.
""", follows=('acid microdose + night shift?', 33), sub="LSD"),

S("Quiet_Quasar_41", "Microdosing gave me panic attacks, stopping", """
After a month of every other day at 0.1g I started having panic attacks at night: heart pounding, chest tight. Never had them before. Stopped 2 weeks ago and they're fading. Not for everyone.
""", comments=[
    C("nerdy_nuthatch", "Same happened to me. Take care, hope they fade completely."),
    C(DELETED, "it's probably something else honestly, mushrooms don't do that"),
]),

S("the_late_bloomer_92", "0.1g for a month — subtle but real", """
Stuck with 0.1g like I said I would. A month in: a little happier, a bit more energy, no dizziness since going back down.
""", follows=('Light-headed and dizzy on 0.2g', 31)),

S("PotholePhilosopher", "Has microdosing changed how you see things?", """
Not asking about effects exactly. More: do you find you see your life differently? For me, after a year of occasional microdosing, I'm less attached to outcomes. Maybe that's just getting older.
""", comments=[
]),

S("retired_teacher_bc", "A short update from the retired teacher", """
Good evening. Some of you kindly replied to my first post. My doctor and I decided to continue with one capsule on Tuesdays and Fridays. My blood pressure has been stable.

I have finished a whole sketchbook of the birds in my garden. I still have cold hands on dose mornings, so I now wear gloves to feed the birds. I am grateful for this community.

If anyone wishes to correspond about birds or sketching, my address is r.okafor@example.com.
""", follows=('Retired, 67, trying psilocybin for the first time', 150)),

S("fennel_frequency", "Microdosing and tinnitus?", """
Anyone notice their tinnitus gets louder on dose days? 10ug. Also a bit of head pressure in the afternoon.
""", sub="LSD"),

S("ladder_of_lemons", "Microdosed before a job interview - got the job 🎉", """
0.1g, 2 hours before. Felt calm, focused, articulate. Didn't feel nervous at all. Got the offer today! Shoutout to u/oolong_otis, whose social anxiety post made me brave enough to try.
"""),

S("scam_alert_sally", "PSA: fake 'microdose clinic' cold-calling people", """
Someone called me from +1-202-555-0143 claiming to be a "licensed microdosing clinic" and asking for card details to "reserve my protocol". There is no such thing. Hang up and block.
"""),

S("sycamore_signal", "Question for the LSD folks: 1/10 tab daily for ADHD?", """
Is daily dosing with 1/10 of a tab safe for ADHD? My psychiatrist won't discuss it. I'm worried about tolerance and whether it can cause heart issues long term.
""", sub="LSD", comments=[
    C("SkepticalScientist_9", "There's a theoretical concern about heart valve problems (5-HT2B receptor) with long-term daily use of some serotonergic drugs. Nobody knows for sure at microdoses, which is one reason people avoid daily dosing."),
]),

S("gravel_and_glitter", "Felt absolutely nothing on 3 doses, is my batch a dud?", """
3 doses of 0.15g, nothing. Not even placebo lol. Didn't notice anything at all.
""", comments=[
    C("Sporeprint_Sam", "Could be a weak batch, or old and badly stored. Try 0.25 on a day at home to test it."),
    C("quietkestrel88", "Or you're one of the people it doesn't do much for. That's a valid result too."),
]),

S("orchid_obsidian", "Emotional release on a microdose?", """
Cried for an hour after my dose today. Not sad exactly, more like a release. Felt lighter afterwards, and happier than I have in weeks. Is this common?
"""),

S("turnip_telescope", "Microdose + MDMA?", """
Not planning to, just curious: has anyone combined a microdose of mushrooms with MDMA at a festival? A friend says it's "a thing".
""", comments=[
    C("canary_in_coalmine_1", "That's not really microdosing anymore. Stay hydrated, test your stuff, don't redose."),
]),

S("podcast_peregrine", "Podcast looking for long-term Fadiman folks", """
I host a small podcast about people's experiences with psychedelics. Looking for someone who has followed Fadiman for 6+ months to talk (anonymously, voice can be altered). Last episode for reference: https://example.com/podcast/ep-112. Email jdoe1984@example.com.
"""),

S("loaf_of_leaven", "Before bed dosing helped my sleep", """
Read u/moonlit_modem's post and tried 0.05g before bed. Slept better than I have in months, deeper sleep, fewer wake-ups. Will see if it lasts.
"""),

S("Sporeprint_Sam", "My own routine after 5 years, since people keep asking", """
Sporeprint_Sam here, since people keep asking what I actually do myself. It's boring: 0.08g, Mon/Thu, tolerance break every 8 weeks.

Benefits these days: steadier mood, a bit more focus. Side effects: basically none, sometimes a slight upset stomach with a new strain.
""", sub="PsilocybinMushrooms"),

S("mossy_bicycle_3", "Tried it after all (the one scared of panic attacks)", """
Hi, it's mossy_bicycle_3 again, the one who asked whether it can cause anxiety. I tried 0.05g at home on a Saturday like u/Fern_and_Static suggested. No panic. A bit of anxiety in the first hour, then calm. Doing it once a week for now.
""", follows=('Can it cause anxiety?', 40), comments=[
    C("Fern_and_Static", "So glad it went OK. Slow and steady 💛"),
]),
]

# ---------------------------------------------------------------------------------------------
# exports_sample.csv: plain records as a forum or survey export might give them.
# (id, title, text, author, created_utc); created_utc is kept as written, so one is not a number.
# ---------------------------------------------------------------------------------------------
CSV_ROWS = [
("csv_001", "Three weeks on Fadiman", "Three weeks in, 0.1g every third day. Mood: better. Focus: better, especially in the mornings. Sleep: unchanged, which is fine by me.", "hedgerow_harriet", "1623456789"),
("csv_002", 'Question about "stacking"', 'What does "stacking" actually mean? Some people say it\'s lion\'s mane + niacin, others say it\'s just taking two doses in a row.', "pebble_in_pocket_3", "1625011200"),
("csv_003", "Weekly log, weeks 1-3", "Week 1: nothing.\nWeek 2: a little calmer, fewer racing thoughts at night.\nWeek 3: headache on two dose days, otherwise good.", "lindenleaf_lena", "1627603200.0"),
("csv_004", "Told my GP", 'My doctor said, and I quote, "as long as you\'re not on lithium, I\'d rather you tell me than hide it." Made me feel a lot better about being honest.', "marram_grass_mo", "1631836800"),
("csv_005", "Photo of my scale setup", "", "pebble_in_pocket_3", "1633046400"),
("csv_006", "LSD log", "10ug LSD, Monday and Thursday. Focused, productive, a little jittery after lunch. Cold hands, as always.", "lysergic_linnea", "1638316800"),
("csv_007", "Olá from Brazil", "I am from Brazil, I use 0,1 g of cogumelos (mushrooms), one day yes, two days no. I feel more happy and less ansiosa. Muito obrigada, a comunidade é ótima!", "jabuticaba_joana", "1641081600"),
("csv_008", "Survey follow-up never arrived", "If anyone from the survey team reads this: I never got the follow-up questionnaire, and I'd like to finish it. My address is pat.mendez.notes@example.org", "quillwort_quentin", "1644969600"),
("csv_009", "Thanks to the guide", "Followed the guide u/petrichor_pam posted; 0.05g twice a week, no side effects so far, no nausea, no jitters.", "hedgerow_harriet", "1648771200.0"),
("csv_010", "Chicago integration circle", "If you're in Chicago and want to join our integration circle, call Marta at +1 (312) 555-0110, evenings only.", "windy_city_wendell", "1651363200"),
("csv_011", "90 day write-up", "I've written up my 90 days here: https://example.com/forum/t/88231 - comments welcome, be kind.", "marram_grass_mo", "1654041600"),
("csv_012", "Quarter tab = too much", "Tried a quarter tab for the first time. Too much for work, way too much. Colours, giggles, the works.", "tumbleweed_tariq", "yesterday"),
("csv_013", "Things I wish I'd known", 'Things I wish I had known:\n1. "Microdose" means you shouldn\'t feel high.\n2. Weigh, don\'t guess.\n3. Breaks matter, more than you\'d think.', "Fern_and_Static", "1659312000"),
("csv_014", "Calling it", "Felt nothing. Again. 0.1g, 5th attempt, no noticeable effect. I'm calling it; maybe I'm just not a responder.", "gorse_and_granite", "1661990400"),
("csv_015", "Truffles and a long walk", "0.2g of fresh truffles before a long walk. Calm, present, grateful for the weather, for once. Slight nausea in the first 30 minutes.", "lindenleaf_lena", "1664582400"),
("csv_016", "Stopping the LSD", "Insomnia on dose nights, every single time, even when I dose at 7am. Stopping the LSD and sticking to mushrooms, which don't do this to me.", "tumbleweed_tariq", "1667260800"),
("csv_017", "Breastfeeding?", "Is it safe to microdose while breastfeeding? I can't find a straight answer anywhere, and I'm not going to risk it without one.", "nettle_soup_nora", "1669852800"),
("csv_018", "Off-topic: risotto", "Off-topic: does anyone have a good recipe for mushroom risotto? (Culinary mushrooms, I promise.)", "gorse_and_granite", "1672531200"),
("csv_019", "SSRI + microdose, supervised", "50mg sertraline + 0.1g psilocybin, under my psychiatrist's supervision. Honestly I feel very little from the psilocybin, which she said might happen.", "quillwort_quentin", "1677628800"),
("csv_020", "Don't do daily", "Daily dosing, 5ug, for 10 days.\n\nDays 1-4: great, energized.\nDays 5-10: flat, foggy, tired, irritable.\n\nDon't do daily, folks.", "windy_city_wendell", "1682899200"),
("csv_021", "Stamets week 5", "Stamets stack, week 5. My appetite is down a lot, I've lost 2kg. Otherwise calm and focused.", "nettle_soup_nora", "1688169600.0"),
("csv_022", "", "Two caps (I don't know the strength) and I felt dizzy for an hour. Then fine.", "jabuticaba_joana", "1693526400"),
("csv_023", "Pros and cons, honestly", "Pros: energy, mood, focus. Cons: jaw clenching, sweating, and a racing heart on one day, which scared me.", "marram_grass_mo", "1698796800"),
("csv_024", "My non-schedule", 'When I feel like it, usually once or twice a week, 0.1g. "Not scientific," my partner says, but it works: more creative, more patient.', "hedgerow_harriet", "1709251200"),
("csv_025", "Original post removed", "Removed my original post, but for the record: microdosing helped me, but the headaches weren't worth it.", DELETED, "1719792000"),
]

# ---------------------------------------------------------------------------------------------
# Planted personal data, exactly as written in the texts above (checked when building).
# ---------------------------------------------------------------------------------------------
EMAILS = [
    "harbour.mum.talks@example.com", "study-team@research.example.org", "harm.reduction.volunteer@example.org",
    "ana.sofia.m@example.org", "maple.maverick.questions@example.com", "lena.voss.writes@example.com",
    "tommy_b@example.com", "integration.coach.jess@example.com", "r.okafor@example.com", "jdoe1984@example.com",
    "pat.mendez.notes@example.org",
]
PHONES = [
    "415.555.0186", "(503) 555-0148", "555-867-5309", "+1 415 555 0172", "+44 7700 900781", "07700 900123",
    "0161 496 0754", "(212) 555-0199", "+44 20 7946 0958", "+1-202-555-0143", "+1 (312) 555-0110",
]
URLS = [
    "https://example.org/md-tracker-template", "https://survey.example.org/md-thesis-2023",
    "www.example.com/shop-microcaps", "www.example.org/harm-reduction-guide", "https://i.example.com/blue-spots-cubensis.jpg",
    "https://docs.example.com/sheets/md-year-2022", "https://blog.example.org/microdose-diary/week-12",
    "www.example.org/img/lawn-lbms.jpg", "https://www.example.com/integration-coaching", "https://example.com/podcast/ep-112",
    "https://example.com/forum/t/88231",
]
# Posts whose text names their own author without "u/" (the anonymiser must know the author).
BARE_SELF_MENTIONS = ["throwaway_md42", "lysergic_linnea", "grumpy_cartographer", "Sporeprint_Sam", "mossy_bicycle_3"]

# Broken records. Authors used here also occur in well-formed records.
TRUNCATED = ('{"id": "lz7wq2", "name": "t3_lz7wq2", "author": "throwaway_md42", "created_utc": 1612872000.0, '
             '"subreddit": "microdosing", "title": "Week 5 check-in", "selftext": "Still on Fadiman, still 0.1g. '
             'This week was mostly good, calmer at work and')
BARE_STRING = '"this submission is no longer available"'
JSON_ARRAY = '["t3_ma1k0p", "microdosing", 1615766400.0, null]'
EMPTY_OBJECT = "{}"

B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def b36(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n, 36)
        s = B36[r] + s
    return s or "0"


def slug(title: str) -> str:
    words = re.sub(r"[^a-z0-9 ]+", "", title.lower()).split()
    out = ""
    for w in words:
        if len(out) + len(w) + 1 > 50:
            break
        out = f"{out}_{w}" if out else w
    return out or "_"


class Ids:
    """Reddit-like base36 ids that grow with time, as real ones do."""

    def __init__(self, rng, lo: str, hi: str, used: set):
        self.rng, self.lo, self.hi, self.used = rng, int(lo, 36), int(hi, 36), used

    def __call__(self, t: float) -> str:
        frac = (t - T0) / (T_END - T0)
        while True:
            n = self.lo + int(frac * (self.hi - self.lo)) + self.rng.randint(0, 40000)
            if b36(n) not in self.used:
                self.used.add(b36(n))
                return b36(n)


def build_objects(rng):
    used = {"lz7wq2", "ma1k0p"}
    sub_id = Ids(rng, "kn0000", "1hrz000", used)
    com_id = Ids(rng, "ghb0000", "m3dz000", used)

    times = sorted(rng.uniform(T0, T1) for _ in POSTS)
    subs, comments = [], []

    def comment_time(parent_t):
        r = rng.random()
        delay = (rng.uniform(600, 12 * 3600) if r < 0.7 else
                 rng.uniform(12 * 3600, 3 * 86400) if r < 0.95 else rng.uniform(3 * 86400, 20 * 86400))
        return float(int(min(parent_t + delay, T_END - rng.uniform(0, 3600))))

    def walk(cs, parent_name, parent_t, link, sub):
        n = 0
        for c in cs:
            t = comment_time(parent_t)
            if t <= parent_t:
                t = parent_t + 60.0
            cid = com_id(t)
            comments.append({"id": cid, "name": f"t1_{cid}", "author": c["author"], "created_utc": t,
                             "subreddit": sub, "body": c["body"], "parent_id": parent_name, "link_id": link})
            n += 1 + walk(c["replies"], f"t1_{cid}", t, link, sub)
        return n

    for p, t in zip(POSTS, times):
        if p["when"]:
            day = datetime.strptime(p["when"], "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp()
            t = day + rng.uniform(6 * 3600, 22 * 3600)
        elif p["follows"]:
            title, days = p["follows"]
            t = next(s["created_utc"] for s in subs if s["title"] == title) + days * 86400 + rng.uniform(0, 86400)
            assert t < T1, p["title"]
        t = float(int(t))
        sid = sub_id(t)
        obj = {"id": sid, "name": f"t3_{sid}", "author": p["author"], "created_utc": t,
               "subreddit": p["subreddit"], "title": p["title"], "selftext": p["selftext"],
               "permalink": f"/r/{p['subreddit']}/comments/{sid}/{slug(p['title'])}/", "num_comments": 0}
        n = walk(p["comments"], f"t3_{sid}", t, f"t3_{sid}", p["subreddit"])
        obj["num_comments"] = n + rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 13, 21, 34])
        subs.append(obj)

    # A submission with neither title nor text, and a comment whose body is null.
    t = float(int(datetime(2022, 5, 14, 9, 12, 40, tzinfo=timezone.utc).timestamp()))
    eid = sub_id(t)
    empty_sub = {"id": eid, "name": f"t3_{eid}", "author": "spiral_staircase_9", "created_utc": t,
                 "subreddit": "microdosing", "title": "", "selftext": "",
                 "permalink": f"/r/microdosing/comments/{eid}/_/", "num_comments": 0}
    target = next(s for s in subs if s["author"] == "gravel_and_glitter")
    t = target["created_utc"] + 5400.0
    nid = com_id(t)
    null_body = {"id": nid, "name": f"t1_{nid}", "author": "quartz_and_queries", "created_utc": t,
                 "subreddit": target["subreddit"], "body": None, "parent_id": target["name"],
                 "link_id": target["name"]}
    target["num_comments"] += 1
    return subs, comments, empty_sub, null_body


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False)


def build_jsonl(rng):
    subs, comments, empty_sub, null_body = build_objects(rng)
    objs = sorted(subs + comments + [empty_sub, null_body], key=lambda o: (o["created_utc"], o["name"]))
    special_ids = {empty_sub["id"], null_body["id"]}
    lines = [(dumps(o), "record", o) for o in objs]

    pool = [o for o in objs if o["id"] not in special_ids]
    picks = rng.sample(pool, 9)
    dup_exact, dup_reordered = picks[:6], picks[6:]

    def index_of(o):
        return next(i for i, (_, _, x) in enumerate(lines) if x is o)

    for k, o in enumerate(dup_exact):
        i = index_of(o)
        offset = 1 if k < 2 else rng.randint(5, 80)
        lines.insert(min(i + offset, len(lines)), (dumps(o), "duplicate_exact", o))
    for o in dup_reordered:
        keys = list(o)
        while keys == list(o):
            rng.shuffle(keys)
        i = index_of(o)
        lines.insert(min(i + rng.randint(3, 60), len(lines)), (dumps({k: o[k] for k in keys}), "duplicate_reordered", o))

    broken = [(TRUNCATED, "truncated_json"), (BARE_STRING, "bare_string"),
              (JSON_ARRAY, "json_array"), (EMPTY_OBJECT, "empty_object")]
    for (text, kind), frac in zip(broken, (0.07, 0.31, 0.58, 0.83)):
        lines.insert(int(len(lines) * frac), (text, kind, None))
    return lines, subs, comments, empty_sub, null_body


def build_csv() -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "title", "text", "author", "created_utc"])
    w.writerows(CSV_ROWS)
    return buf.getvalue()


USER_RE = re.compile(r"(?<![A-Za-z0-9_/])/?u/([A-Za-z0-9_-]+)")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}")
URL_RE = re.compile(r"(?:https?://|www\.)[^\s)\]]+")


def texts_of(subs, comments):
    for s in subs:
        yield s["selftext"]
    for c in comments:
        yield c["body"]
    for row in CSV_ROWS:
        yield row[2]


def build_pii(subs, comments, empty_sub, null_body):
    authors = {o["author"] for o in subs + comments + [empty_sub, null_body]}
    authors |= {row[3] for row in CSV_ROWS}
    authors -= {None, DELETED}
    texts = [t for t in texts_of(subs, comments) if t]
    names = sorted({m for t in texts for m in USER_RE.findall(t)})
    found_emails = {m for t in texts for m in EMAIL_RE.findall(t)}
    found_urls = {m.rstrip(".,;:!?") for t in texts for m in URL_RE.findall(t)}
    assert found_emails == set(EMAILS), found_emails ^ set(EMAILS)
    assert found_urls == set(URLS), found_urls ^ set(URLS)
    for v in PHONES + BARE_SELF_MENTIONS:
        assert any(v in t for t in texts), v
    return {"authors": sorted(authors, key=str.lower), "usernames_in_text": names,
            "emails": EMAILS, "phones": PHONES, "urls": URLS}


def write_readme(lines, subs, comments, empty_sub, null_body, pii):
    def where(kind):
        return [i + 1 for i, (_, k, _) in enumerate(lines) if k == kind]

    def ids(kind):
        return [o["name"] for (_, k, o) in lines if k == kind]

    n_texts = lambda pred: sum(1 for t in texts_of(subs, comments) if t and pred(t))
    deleted = sum(1 for o in subs + comments if o["author"] == DELETED)
    null = sum(1 for o in subs + comments if o["author"] is None)
    n_authors = len({o["author"] for o in subs + comments + [empty_sub, null_body]} - {None, DELETED})
    by_sub = {}
    for s in subs:
        by_sub[s["subreddit"]] = by_sub.get(s["subreddit"], 0) + 1
    reply_count = sum(1 for c in comments if c["parent_id"].startswith("t1_"))
    mention = lambda t: bool(USER_RE.search(t))
    first = datetime.fromtimestamp(min(o["created_utc"] for o in subs), timezone.utc)
    last = datetime.fromtimestamp(max(o["created_utc"] for o in subs + comments), timezone.utc)
    reddit_authors = {o["author"] for o in subs + comments}
    per_author = {}
    for o in subs + comments:
        if o["author"] not in (None, DELETED):
            per_author[o["author"]] = per_author.get(o["author"], 0) + 1
    prolific = sorted(((a, n) for a, n in per_author.items() if n >= 10), key=lambda an: (-an[1], an[0]))
    shared = sorted({r[3] for r in CSV_ROWS} & reddit_authors - {DELETED})

    text = f"""# Synthetic sample data

**Every text in this folder is synthetic.** The posts, comments, titles and CSV records were
written for this project by its authors. They are not real people's posts, and they were not
copied or paraphrased from any real corpus. All usernames are invented; e-mail and web addresses
use the reserved `example.com` / `example.org` domains; phone numbers use the US 555 range and
the UK Ofcom drama ranges. The files are regenerated deterministically (texts included) by
`build_sample.py` in this folder (`python src/experiences/sample/build_sample.py`; fixed seed,
no network). This README is written by the same script, so the numbers below match the files.

`make demo` runs the whole pipeline on these files, offline; the tests use them too.

## `reddit_sample.jsonl` — {len(lines)} lines

One JSON object per line, shaped like the `data` dict of a Reddit API object (no `kind` wrapper),
UTF-8, sorted by `created_utc` except for the planted lines below. Dates run from {first:%Y-%m-%d}
to {last:%Y-%m-%d}. Ids are lowercase base36 (6-7 characters) and grow with time.

| | count |
|---|---|
| submissions (`t3`, distinct ids, with a title) | {len(subs)} ({", ".join(f"r/{k} {v}" for k, v in sorted(by_sub.items(), key=lambda kv: -kv[1]))}) |
| + submission with empty `title` and empty `selftext` | 1 (`{empty_sub["name"]}`, line {where("record")[[o for (_, k, o) in lines if k == "record"].index(empty_sub)]}) |
| comments (`t1`, distinct ids, with a body) | {len(comments)} ({reply_count} answer another comment) |
| + comment with `"body": null` | 1 (`{null_body["name"]}`, line {where("record")[[o for (_, k, o) in lines if k == "record"].index(null_body)]}) |
| exact duplicate lines (byte-identical to an earlier or later line) | 6: lines {", ".join(map(str, where("duplicate_exact")))} ({", ".join(ids("duplicate_exact"))}) |
| same object again, same content, different key order | 3: lines {", ".join(map(str, where("duplicate_reordered")))} ({", ".join(ids("duplicate_reordered"))}) |
| truncated JSON (a cut-off submission, id `lz7wq2`) | line {where("truncated_json")[0]} |
| a bare JSON string | line {where("bare_string")[0]} |
| a JSON array | line {where("json_array")[0]} |
| an empty object `{{}}` | line {where("empty_object")[0]} |

So: {len(subs) + len(comments) + 2} distinct objects, 9 duplicate lines, 4 lines that are not a
JSON object (or not JSON at all); the empty submission and the null-body comment are the other
2 of the 6 malformed records. Distinct usable records: {len(subs)} submissions + {len(comments)} comments.

Submission keys, in this order: `id, name, author, created_utc, subreddit, title, selftext,
permalink, num_comments`. Comment keys: `id, name, author, created_utc, subreddit, body,
parent_id, link_id`. `created_utc` is a float (whole seconds). Every `parent_id` is the `name`
of a submission or comment in the file, and every `link_id` the `name` of the comment's
submission. `num_comments` is at least the number of that submission's comments in the file
(Reddit counts comments that are not in the sample). One submission has a title but an empty
`selftext` (a title-only question); one has `selftext` `"[removed]"`; one comment body is
`"[deleted]"` and one is `"[removed]"` (both by `[deleted]`).

Authors: {n_authors} distinct usernames; {len(prolific)} wrote 10 or more items each
({", ".join(f"`{a}` {n}" for a, n in prolific)}).
{deleted} items have author `"[deleted]"` and {null} have `"author": null`.

Content: microdosing reports, questions and discussion in many dose notations (0.1g, .1g, 0,15 g,
100mg, 100 mg of shrooms, 10ug, 10 µg, 12mcg, 15 mics, 0.01 mg of LSD, 1/10 tab, a tenth of a
gram, quarter tab, point one, 0.1-0.2g, 100 to 200mg, 0.1g caps, 2 caps, (about 0.15g), ~10ug,
1 ml of solution), amounts that are not doses (500mg lion's mane, 100mg niacin, 50mg sertraline,
70kg, a 3.5g bag, $30, 30 days), named and custom schedules, all 25 effect ids of
`shared/spec/extraction.md` as present (and many negated or hypothetical), reasons for dosing that
are not effects, other substances (ketamine, MDMA, amanita), 20-25 off-topic posts, short and
long posts (4 over 1,500 characters), markdown, emoji and non-ASCII text (µ, é, ä, ç, ¡).

## `exports_sample.csv` — {len(CSV_ROWS)} rows

Header `id,title,text,author,created_utc`; ids `csv_001` .. `csv_{len(CSV_ROWS):03d}`. Standard CSV
quoting (fields with commas, double quotes or newlines are quoted, quotes doubled). `csv_005` has
an empty `text`; `csv_012` has `created_utc` = `yesterday` (all others are epoch seconds, some
written as floats); `csv_022` has an empty `title`; `csv_025` has author `[deleted]`.

## Planted personal data (`pii.json`)

No personal data is planted in titles, so permalinks (built from titles) carry none.

| kind | texts containing it (JSONL + CSV) | values in `pii.json` |
|---|---|---|
| `u/name` or `/u/name` mentions | {n_texts(mention)} | {len(pii["usernames_in_text"])} names (`usernames_in_text`) |
| e-mail addresses | {n_texts(lambda t: bool(EMAIL_RE.search(t)))} | {len(EMAILS)} (`emails`) |
| phone numbers, varied formats | {n_texts(lambda t: any(p in t for p in PHONES))} | {len(PHONES)} (`phones`, exactly as written) |
| URLs (`https://...`, `www....`) | {n_texts(lambda t: bool(URL_RE.search(t)))} | {len(URLS)} (`urls`, without trailing punctuation) |
| author's own name written bare in a post | {len(BARE_SELF_MENTIONS)} | {", ".join(f"`{a}`" for a in BARE_SELF_MENTIONS)} (in `authors`) |

`authors` lists every distinct author value of both files except `null` and `"[deleted]"`
({len(pii["authors"])} names); {len(shared)} of them ({", ".join(f"`{a}`" for a in shared)}) write in both files. Each CSV kind of personal
data appears once in the CSV (`csv_008` e-mail, `csv_009` mention, `csv_010` phone, `csv_011` URL);
the rest are in the JSONL. None of these strings should survive into anything the pipeline writes.
"""
    (HERE / "README.md").write_text(text, encoding="utf-8")


def main():
    rng = random.Random(SEED)
    lines, subs, comments, empty_sub, null_body = build_jsonl(rng)
    (HERE / "reddit_sample.jsonl").write_text("".join(l + "\n" for l, _, _ in lines), encoding="utf-8")
    (HERE / "exports_sample.csv").write_text(build_csv(), encoding="utf-8")
    pii = build_pii(subs, comments, empty_sub, null_body)
    (HERE / "pii.json").write_text(json.dumps(pii, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_readme(lines, subs, comments, empty_sub, null_body, pii)
    print(f"{len(lines)} JSONL lines: {len(subs)} submissions, {len(comments)} comments; "
          f"{len(CSV_ROWS)} CSV rows; {len(pii['authors'])} authors")


if __name__ == "__main__":
    main()
